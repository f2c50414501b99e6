/**
 * Tells every app instance that something changed in a session. Signals carry ids only (the
 * session and its latest event id); whoever listens reads the current state from the database,
 * which stays the one source of truth.
 */
export interface SessionSignal {
  sessionId: string;
  eventId: number;
}

export type SignalListener = (signal: SessionSignal) => void;

export interface EventBus {
  publish(signal: SessionSignal): Promise<void>;
  /** Listens to one session's signals; returns the function that stops listening. */
  subscribe(sessionId: string, listener: SignalListener): () => void;
  /**
   * Called after the bus lost and regained its connection, when signals may have been missed:
   * listeners should resync from the database.
   */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Keeps listeners per session so a signal only reaches the ones that care. */
export class ListenerRegistry {
  private readonly bySession = new Map<string, Set<SignalListener>>();
  private readonly resyncListeners = new Set<() => void>();

  add(sessionId: string, listener: SignalListener): () => void {
    let listeners = this.bySession.get(sessionId);
    if (!listeners) this.bySession.set(sessionId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.bySession.delete(sessionId);
    };
  }

  emit(signal: SessionSignal) {
    for (const listener of this.bySession.get(signal.sessionId) ?? []) listener(signal);
  }

  addResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  resync() {
    for (const listener of this.resyncListeners) listener();
  }
}

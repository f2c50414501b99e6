import { ListenerRegistry, type EventBus, type SessionSignal } from "./bus";

/** For the embedded database: one process serves everything, so signals stay in memory. */
export function createInProcessBus(): EventBus {
  const registry = new ListenerRegistry();
  return {
    publish(signal: SessionSignal) {
      registry.emit(signal);
      return Promise.resolve();
    },
    subscribe: (sessionId, listener) => registry.add(sessionId, listener),
    onResync: (listener) => registry.addResync(listener),
    close: () => Promise.resolve(),
  };
}

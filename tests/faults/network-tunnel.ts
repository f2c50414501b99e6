import net from "node:net";

/**
 * A TCP relay between one phone and the app server that can lose the network the way a phone in
 * a tunnel does: open connections go silent (no FIN, no RST, bytes just stop), new ones fail.
 * Chromium's offline emulation alone is not enough: it refuses new requests but lets an open
 * event stream keep flowing, so a phone would never miss anything.
 */
export interface NetworkTunnel {
  /** The address the phone uses instead of the server's. */
  url: string;
  /** From now on nothing gets through, in either direction. */
  cut(): void;
  /** The network is back; connections opened before the cut stay dead, as a phone's would. */
  restore(): void;
  /** Closes every open connection at once, as a phone switching from Wi-Fi to mobile data. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function openNetworkTunnel(port: number, target: string): Promise<NetworkTunnel> {
  const upstreamUrl = new URL(target);
  const open = new Set<net.Socket>();
  let down = false;

  const server = net.createServer((phone) => {
    if (down) return phone.destroy();
    const upstream = net.connect(Number(upstreamUrl.port), upstreamUrl.hostname);
    for (const [from, to] of [
      [phone, upstream],
      [upstream, phone],
    ] as const) {
      open.add(from);
      from.on("data", (bytes: Buffer) => {
        if (!down) to.write(bytes);
      });
      from.on("close", () => {
        open.delete(from);
        to.destroy();
      });
      from.on("error", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const dropConnections = () => {
    for (const socket of open) socket.destroy();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
    },
    restore() {
      dropConnections();
      down = false;
    },
    dropConnections,
    async close() {
      dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Keeps a long-running command alive until SIGINT/SIGTERM, then closes it once. */
export function waitForShutdown(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let isClosing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (isClosing) return;
      isClosing = true;
      process.stderr.write(`\nReceived ${signal}, shutting down…\n`);
      close().finally(() => resolve());
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

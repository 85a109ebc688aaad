// Test only: gives a forked Node child the `process.parentPort` that Electron's
// utilityProcess gives its children, over Node's own IPC channel, so the core process's
// Electron path runs where Electron cannot start.
const send = process.send.bind(process);
// Only the parent port is left, so the core must take the path it takes under Electron.
delete process.send;
process.parentPort = {
  postMessage: (message) => send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};

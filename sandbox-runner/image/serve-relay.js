// Runs inside a bubblewrap SERVE sandbox, whose network namespace holds only a loopback:
//   node serve-relay.js PORT COMMAND [ARG...]
// listens on the Unix socket relay.sock in /run/kiln-serve (a directory bound from the host, which
// connects to it), relays every connection to 127.0.0.1:PORT (or [::1]:PORT) inside, then runs
// COMMAND and exits with its status. Nothing here connects out of the sandbox.
'use strict';
const net = require('net');
const { spawn } = require('child_process');

const socketPath = '/run/kiln-serve/relay.sock';
const port = Number(process.argv[2]);
const [command, ...args] = process.argv.slice(3);
if (!Number.isInteger(port) || port < 1 || port > 65535 || !command) {
  process.stderr.write('usage: node serve-relay.js PORT COMMAND [ARG...]\n');
  process.exit(125);
}

// Connects to the served port on the first loopback address that answers.
function inside(client, hosts) {
  const upstream = net.connect({ host: hosts[0], port, allowHalfOpen: true });
  let connected = false;
  upstream.once('connect', () => {
    connected = true;
    client.pipe(upstream);
    upstream.pipe(client);
  });
  upstream.on('error', () => {
    if (!connected && hosts.length > 1) {
      inside(client, hosts.slice(1));
    } else {
      client.destroy();
    }
  });
  // Each side's end is passed on by pipe (after what is still buffered); only errors cut both.
  client.on('error', () => upstream.destroy());
}

const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
  inside(client, ['127.0.0.1', '::1']);
});

server.listen(socketPath, () => {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('error', (e) => {
    process.stderr.write(`${command}: ${e.message}\n`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    server.close();
    process.exit(code === null ? 128 + (require('os').constants.signals[signal] || 0) : code);
  });
});

// Runs inside a bubblewrap REGISTRY_ONLY sandbox, whose network namespace holds only a loopback:
//   node egress-forward.js COMMAND [ARG...]
// listens on 127.0.0.1:3128, forwards every connection to Kiln's egress proxy through the Unix
// socket bound next to this file, then runs COMMAND (with HTTP(S)_PROXY pointing here) and exits
// with its status. The proxy, outside, decides what is reachable.
'use strict';
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const socketPath = path.join(__dirname, 'proxy.sock');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node egress-forward.js COMMAND [ARG...]\n');
  process.exit(125);
}

const server = net.createServer((client) => {
  const upstream = net.connect(socketPath);
  client.pipe(upstream);
  upstream.pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
});

server.listen(3128, '127.0.0.1', () => {
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

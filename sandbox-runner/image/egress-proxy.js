// Kiln's egress proxy: the only way out for sandboxes with the REGISTRY_ONLY policy.
// HTTPS via CONNECT to allowlisted host names on port 443 (and plain HTTP to them on port 80).
// Raw IP addresses, other hosts and names that resolve to loopback, private, link-local or other
// internal addresses are refused; the connection goes to the address that was checked.
'use strict';
const http = require('http');
const net = require('net');
const dns = require('dns');

const allow = new Set(
  (process.env.KILN_EGRESS_ALLOW || 'registry.npmjs.org').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
);
const port = Number(process.env.KILN_EGRESS_PORT || 3128);

function v4Internal(ip) {
  const [a, b] = ip.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
}

function internal(ip) {
  if (net.isIPv4(ip)) return v4Internal(ip);
  const lower = ip.toLowerCase();
  if (lower.startsWith('::ffff:')) return v4Internal(lower.slice(7));
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

function check(host, cb) {
  const name = String(host || '').toLowerCase().replace(/^\[|\]$/g, '');
  if (net.isIP(name)) return cb('raw IP addresses are not allowed');
  if (!allow.has(name)) return cb(`${name} is not allowlisted`);
  dns.lookup(name, { all: true }, (err, addresses) => {
    if (err || !addresses.length) return cb(`${name} does not resolve`);
    if (addresses.some((a) => internal(a.address))) return cb(`${name} resolves to an internal address`);
    cb(null, addresses[0].address);
  });
}

function log(what) {
  process.stdout.write(JSON.stringify({ at: new Date().toISOString(), ...what }) + '\n');
}

const server = http.createServer((req, res) => {
  let url;
  try {
    url = new URL(req.url);
  } catch {
    res.writeHead(400).end('an absolute http:// URL is required\n');
    return;
  }
  if (url.protocol !== 'http:' || (url.port && url.port !== '80')) {
    res.writeHead(403).end('only http on port 80 or CONNECT to port 443\n');
    return;
  }
  check(url.hostname, (err, address) => {
    log({ method: req.method, host: url.hostname, allowed: !err, reason: err || undefined });
    if (err) {
      res.writeHead(403).end(err + '\n');
      return;
    }
    const headers = { ...req.headers, host: url.host };
    delete headers['proxy-connection'];
    const upstream = http.request({ host: address, port: 80, method: req.method, path: url.pathname + url.search, headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
});

server.on('connect', (req, socket, head) => {
  const match = /^(.+):(\d+)$/.exec(req.url || '');
  const host = match ? match[1] : '';
  const targetPort = match ? Number(match[2]) : 0;
  const refuse = (code, why) => {
    log({ method: 'CONNECT', host, port: targetPort, allowed: false, reason: why });
    socket.end(`HTTP/1.1 ${code}\r\nContent-Type: text/plain\r\n\r\n${why}\n`);
  };
  if (targetPort !== 443) return refuse('403 Forbidden', 'only port 443');
  check(host, (err, address) => {
    if (err) return refuse('403 Forbidden', err);
    log({ method: 'CONNECT', host, port: targetPort, allowed: true });
    const upstream = net.connect(targetPort, address, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head && head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    socket.on('error', () => upstream.destroy());
  });
});

// On a Unix socket for bubblewrap sandboxes (they reach it through egress-forward.js), else on TCP.
const socketPath = process.env.KILN_EGRESS_SOCKET;
if (socketPath) {
  require('fs').rmSync(socketPath, { force: true });
  server.listen(socketPath, () => log({ listening: socketPath, allow: [...allow] }));
} else {
  server.listen(port, '0.0.0.0', () => log({ listening: port, allow: [...allow] }));
}

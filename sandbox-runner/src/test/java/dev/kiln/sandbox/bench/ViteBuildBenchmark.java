package dev.kiln.sandbox.bench;

import dev.kiln.sandbox.ExecResult;
import dev.kiln.sandbox.Sandbox;
import dev.kiln.sandbox.SandboxSpec;
import dev.kiln.sandbox.docker.DockerBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code vite build} of a small app in a Docker sandbox (dependencies from the cache, mounted
 * read-only, no network) against the same build on the host, side by side in one run. Not a test:
 * {@code ./kiln bench vite}. Needs the npm registry for the one-time host install.
 */
public final class ViteBuildBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 15);
  private static final String IMAGE = "kiln/sandbox-node:latest";
  private static final double CPUS =
      Double.parseDouble(
          System.getProperty(
              "bench.cpus", String.valueOf(Runtime.getRuntime().availableProcessors())));

  /** A small React app of the kind Kiln generates: three pages, a layout, a list and a form. */
  private static final Map<String, String> APP =
      Map.of(
          "package.json",
          """
          {"name": "kiln-vite-bench", "private": true, "version": "1.0.0", "type": "module",
           "dependencies": {"react": "19.2.0", "react-dom": "19.2.0"},
           "devDependencies": {"vite": "7.1.12", "@vitejs/plugin-react": "5.1.0"}}
          """,
          "vite.config.js",
          """
          import { defineConfig } from 'vite';
          import react from '@vitejs/plugin-react';
          export default defineConfig({ plugins: [react()], cacheDir: '/tmp/kiln-vite-cache' });
          """,
          "index.html",
          "<!doctype html><html><head><title>bench</title></head><body><div id=\"root\"></div>"
              + "<script type=\"module\" src=\"/src/main.jsx\"></script></body></html>",
          "src/main.jsx",
          """
          import { StrictMode, useState } from 'react';
          import { createRoot } from 'react-dom/client';
          import { Dashboard } from './Dashboard.jsx';
          import { Patients } from './Patients.jsx';
          import { NewPatient } from './NewPatient.jsx';
          const pages = { dashboard: Dashboard, patients: Patients, new: NewPatient };
          function App() {
            const [page, setPage] = useState('dashboard');
            const Page = pages[page];
            return (
              <div className="layout">
                <nav>{Object.keys(pages).map((p) => <button key={p} onClick={() => setPage(p)}>{p}</button>)}</nav>
                <main><Page /></main>
              </div>
            );
          }
          createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
          """,
          "src/Dashboard.jsx",
          """
          const stats = [['Patients', 128], ['Appointments today', 14], ['Open invoices', 9]];
          export function Dashboard() {
            return <section><h1>Dashboard</h1>{stats.map(([label, n]) => <p key={label}>{label}: <b>{n}</b></p>)}</section>;
          }
          """,
          "src/Patients.jsx",
          """
          import { useMemo, useState } from 'react';
          const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `Patient ${i + 1}`, visits: (i * 7) % 12 }));
          export function Patients() {
            const [q, setQ] = useState('');
            const shown = useMemo(() => rows.filter((r) => r.name.toLowerCase().includes(q.toLowerCase())), [q]);
            return (
              <section>
                <h1>Patients</h1>
                <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search" />
                <table><tbody>{shown.map((r) => <tr key={r.id}><td>{r.name}</td><td>{r.visits}</td></tr>)}</tbody></table>
              </section>
            );
          }
          """,
          "src/NewPatient.jsx",
          """
          import { useState } from 'react';
          export function NewPatient() {
            const [form, setForm] = useState({ name: '', email: '' });
            const [errors, setErrors] = useState({});
            const submit = (e) => {
              e.preventDefault();
              const next = {};
              if (!form.name.trim()) next.name = 'Name is required';
              if (!/^[^@]+@[^@]+$/.test(form.email)) next.email = 'A valid email is required';
              setErrors(next);
            };
            return (
              <form onSubmit={submit}>
                <h1>New patient</h1>
                <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
                {errors.name && <p role="alert">{errors.name}</p>}
                <input value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
                {errors.email && <p role="alert">{errors.email}</p>}
                <button type="submit">Save</button>
              </form>
            );
          }
          """);

  /**
   * A production build in both places: the sandbox's environment says {@code NODE_ENV=development}
   * (so installs include devDependencies), which would make Vite build React's development bundle
   * instead, a different and slower job.
   */
  private static final List<String> BUILD =
      List.of(
          "env",
          "NODE_ENV=production",
          "node",
          "node_modules/vite/bin/vite.js",
          "build",
          "--configLoader",
          "runner");

  private ViteBuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path host = Files.createTempDirectory("kiln-vite-host");
    for (var file : APP.entrySet()) {
      Files.createDirectories(host.resolve(file.getKey()).getParent());
      Files.writeString(host.resolve(file.getKey()), file.getValue());
    }
    // The registry mirror reachable here lacks rollup's optional platform packages, so npm writes
    // lockfiles that `npm ci` then refuses; the host's install stands in for a cache entry.
    run(host, List.of("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"));
    Path nodeModules = host.resolve("node_modules");
    Path root = Files.createTempDirectory("kiln-vite-bench");
    List<Double> onHost = new ArrayList<>();
    List<Double> inSandbox = new ArrayList<>();
    try (DockerBackend docker =
        DockerBackend.connect("unix:///var/run/docker.sock", root.resolve("ws"))) {
      SandboxSpec spec =
          new SandboxSpec(
                  IMAGE,
                  new SandboxSpec.Limits(
                      2048 * SandboxSpec.Limits.MIB,
                      CPUS,
                      512,
                      Duration.ofMinutes(10),
                      4 * SandboxSpec.Limits.MIB,
                      512 * SandboxSpec.Limits.MIB),
                  SandboxSpec.NetworkPolicy.NONE,
                  "bench")
              .withDependencies(nodeModules);
      try (Sandbox sandbox = docker.open(spec)) {
        Map<String, byte[]> files = new java.util.HashMap<>();
        APP.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        sandbox.upload(files);
        for (int i = 0; i < RUNS + 2; i++) {
          long t0 = System.nanoTime();
          run(host, BUILD);
          double h = (System.nanoTime() - t0) / 1e6;
          long t1 = System.nanoTime();
          ExecResult r = sandbox.exec(BUILD, line -> {});
          double s = (System.nanoTime() - t1) / 1e6;
          if (!r.succeeded()) {
            throw new IllegalStateException("vite build failed in the sandbox: " + r);
          }
          if (i >= 2) {
            onHost.add(h);
            inSandbox.add(s);
          }
        }
      }
    }
    double hostMedian = median(onHost);
    double sandboxMedian = median(inSandbox);
    System.out.printf(
        "%n| vite build | runs | median ms |%n|---|---|---|%n| host | %d | %.0f |%n| sandbox (docker exec, %.1f CPUs) | %d | %.0f |%n"
            + "overhead: %.0f%%%n",
        RUNS, hostMedian, CPUS, RUNS, sandboxMedian, (sandboxMedian / hostMedian - 1) * 100);
  }

  private static void run(Path dir, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed on the host");
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}

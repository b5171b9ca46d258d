"""Turns the raw wrk outputs of bench/gateway/run.sh into the Markdown report (stdout)."""
import os
import platform
import re
import statistics
import sys

raw, rounds, duration, load_before, load_after, nginx, wrk, dotnet = sys.argv[1:9]
rounds = int(rounds)
routes = ["GET /api/catalogue/taxonomy", "GET /api/catalogue/scenarios?pageSize=20"]
loads = ["wrk -t2 -c50", "wrk -t1 -c1"]
targets = ["direct", "nginx", "gateway", "gateway-inline"]


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse(path):
    text = open(path, encoding="utf-8").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)", text, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", text, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, ms(*p50.groups()), ms(*p99.groups()), int(errors.group(1)) if errors else 0


def fmt_ms(value):
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("# Gateway benchmark: YARP gateway vs nginx vs direct\n")
print(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, .NET SDK {dotnet}, "
      f"nginx {nginx} (1 worker, upstream keepalive, access log off), {wrk}. Everything on 127.0.0.1, wrk on the same cores.")
print(f"Load average (1/5/15 min) before the timed runs: {load_before}; after: {load_after}.\n")
print(f"Catalogue host (Release, SQLite, demo data from the standalone seed), gateway with its shipped configuration "
      f"(rate limits raised above the offered load); gateway-inline is the same gateway with "
      f"`DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1`. {rounds} rounds, {duration} per run, targets interleaved within "
      f"each round; cells are the median of the rounds (req/s, p50 ms, p99 ms), individual rounds below.\n")

summary = {}
for r, route in enumerate(routes):
    for l, load in enumerate(loads):
        print(f"## {route}, {load}\n")
        print("| target | req/s | p50 ms | p99 ms | rounds (req/s) | non-2xx |")
        print("|---|---:|---:|---:|---|---:|")
        medians = {}
        for target in targets:
            runs = [parse(os.path.join(raw, f"{k}-{r}-{l}-{target}.txt")) for k in range(1, rounds + 1)]
            rps = statistics.median(x[0] for x in runs)
            p50 = statistics.median(x[1] for x in runs)
            p99 = statistics.median(x[2] for x in runs)
            medians[target] = (rps, p50, p99)
            print(f"| {target} | {rps:,.0f} | {fmt_ms(p50)} | {fmt_ms(p99)} | "
                  f"{', '.join(f'{x[0]:,.0f}' for x in runs)} | {sum(x[3] for x in runs)} |")
        g, t, n, d = medians["gateway"], medians["gateway-inline"], medians["nginx"], medians["direct"]
        print(f"\nGateway/nginx: throughput {g[0] / n[0]:.2f}×, p99 {g[2] / n[2]:.2f}×; "
              f"gateway-inline/nginx: throughput {t[0] / n[0]:.2f}×, p99 {t[2] / n[2]:.2f}×; "
              f"gateway/direct: throughput {g[0] / d[0]:.2f}×, p99 {g[2] / d[2]:.2f}×; "
              f"nginx/direct: throughput {n[0] / d[0]:.2f}×.\n")

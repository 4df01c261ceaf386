// Preloaded (node --import) into every process the bench times as a whole, `node -e 0` included so all
// carry the same cost: on exit it writes the process's peak RSS in bytes and the CPU time it used (user and
// system, every thread) in microseconds, as JSON, to the file HUIQI_BENCH_RSS names.
import { writeFileSync } from 'node:fs';

const file = process.env.HUIQI_BENCH_RSS;
if (file)
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssBytes: maxRSS * 1024, cpuMicros: userCPUTime + systemCPUTime }));
  });

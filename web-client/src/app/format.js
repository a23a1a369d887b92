// Numbers as a person reads them on a progress line.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function bytes(count) {
  let value = count;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${count} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

export function rate(bytesPerSecond) {
  return `${bytes(Math.round(bytesPerSecond))}/s`;
}

export function duration(seconds) {
  if (!Number.isFinite(seconds)) return 'unknown';
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "12 MB of 200 MB · 45 MB/s · 4 s left" */
export function progressLine({ bytes: done, total, rate: speed, secondsLeft }) {
  const parts = [`${bytes(done)} of ${bytes(total)}`];
  if (speed > 0) parts.push(rate(speed), `${duration(secondsLeft)} left`);
  return parts.join(' · ');
}

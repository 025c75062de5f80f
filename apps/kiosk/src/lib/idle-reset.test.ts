import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { IdleReset, type IdleTimers } from './idle-reset.svelte';

describe('IdleReset', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('wipes after the timeout and not a moment before', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 60_000 });
    idle.start();

    vi.advanceTimersByTime(59_999);
    expect(onWipe).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(onWipe).toHaveBeenCalledOnce();
  });

  it('starts the count again when the screen is touched', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 60_000 });
    idle.start();

    vi.advanceTimersByTime(50_000);
    idle.touch();
    vi.advanceTimersByTime(59_000);
    expect(onWipe).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1_000);
    expect(onWipe).toHaveBeenCalledOnce();
  });

  it('shows the countdown warning only in the last 10 seconds', () => {
    const idle = new IdleReset({ onWipe: vi.fn(), timeoutMs: 60_000 });
    idle.start();

    vi.advanceTimersByTime(49_750);
    expect(idle.isWarning).toBe(false);

    vi.advanceTimersByTime(250);
    expect(idle.isWarning).toBe(true);
    expect(idle.secondsLeft).toBe(10);

    vi.advanceTimersByTime(6_500);
    expect(idle.secondsLeft).toBe(4);

    idle.touch();
    expect(idle.isWarning).toBe(false);
  });

  it('wipes only once and then stays quiet until started again', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 5_000 });
    idle.start();

    vi.advanceTimersByTime(30_000);
    expect(onWipe).toHaveBeenCalledOnce();
    expect(idle.isArmed).toBe(false);

    idle.start();
    vi.advanceTimersByTime(5_000);
    expect(onWipe).toHaveBeenCalledTimes(2);
  });

  it('never wipes once stopped', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 5_000 });
    idle.start();
    idle.stop();

    vi.advanceTimersByTime(60_000);
    expect(onWipe).not.toHaveBeenCalled();
  });

  it('measures idleness with the injected clock, so a late timer still wipes on time', () => {
    let now = 0;
    let tick: (() => void) | null = null;
    const timers: IdleTimers = {
      now: () => now,
      setInterval: (callback) => {
        tick = callback;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    };
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 60_000, timers });
    idle.start();

    // A sleeping tab: one single tick arrives two minutes later.
    now = 120_000;
    (tick as (() => void) | null)?.();
    expect(onWipe).toHaveBeenCalledOnce();
  });

  it('warns only in the second half of a timeout shorter than twice the warning', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 3_000 });
    expect(idle.warningMs).toBe(1_500);
    idle.start();
    expect(idle.isWarning).toBe(false);

    vi.advanceTimersByTime(1_500);
    expect(idle.isWarning).toBe(true);
    expect(idle.secondsLeft).toBe(2);
    vi.advanceTimersByTime(1_500);
    expect(onWipe).toHaveBeenCalledOnce();
  });

  it('does nothing on a touch while not armed', () => {
    const onWipe = vi.fn();
    const idle = new IdleReset({ onWipe, timeoutMs: 5_000 });
    idle.touch();
    expect(idle.isArmed).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(onWipe).not.toHaveBeenCalled();
  });
});

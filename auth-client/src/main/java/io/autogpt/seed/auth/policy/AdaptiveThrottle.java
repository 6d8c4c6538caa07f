package io.autogpt.seed.auth.policy;

/**
 * How fast and how wide a client may send: a pace (requests per second) and a window (requests in flight), both
 * adapted by additive increase / multiplicative decrease (AIMD, as TCP does) from what the server answers.
 *
 * <ul>
 *   <li><b>Pace</b> answers rate limits. The client starts unpaced. The first 429 sets the pace to {@code decrease}
 *   times the successes of the last second — what the server's burst allowed, which may be far below its rate —
 *   and the pace then doubles with each success until the next 429 (slow start). From then on each success raises
 *   the pace by the fraction {@code increase} per second and each 429 multiplies it by {@code decrease} (from no
 *   more than the successes of the last second). A token-bucket limiter
 *   saves the tokens the client leaves unused while it probes below the limit and pays them out when it probes
 *   above, so the sawtooth loses almost nothing: the success rate settles at the server's rate.</li>
 *   <li><b>Window</b> answers overload (5xx, timeouts, dropped connections): halved on each, grown by one request
 *   per window of successes, between 1 and {@code maxWindow}. It is left alone on 429, which says "slower", not
 *   "fewer at once": on a distant server a narrow window alone would cap the rate below the limit.</li>
 * </ul>
 *
 * <p>Only a failure of a request sent after the last decrease decreases again, so one burst of rejections from
 * requests already in flight counts once.
 *
 * <p>Times are {@link System#nanoTime()}-style nanoseconds passed in by the caller: the object reads no clock and
 * is a plain state machine. Not thread-safe; the caller serialises access.
 */
public final class AdaptiveThrottle {
    private static final long SECOND = 1_000_000_000L;
    // Chosen with RateLimitSimulation (auth-client tests) over limits of 2-50 requests/s and bursts of 1 to 1 s:
    // x0.85 reached 97-100 % of the limit (84 % with a burst of 1); x0.7 (TCP CUBIC's factor) 90-99 % (78 %);
    // x0.5 (Reno's) 79-99 % (65 %). +10 %/s sits between +5 % (fewer 429s) and +20 % (more, no faster).
    static final double INCREASE = 0.1;
    static final double DECREASE = 0.85;
    static final double MIN_RATE = 0.01;

    /**
     * @param initialWindow requests in flight at the start
     * @param maxWindow     the most requests in flight ever
     * @param adaptWindow   whether overload narrows the window; {@code false} keeps it fixed at {@code initialWindow}
     * @param increase      pace growth per second of successes, as a fraction (0.1 = +10 % a second)
     * @param decrease      pace and window factor on a decrease, in (0, 1)
     * @param minRate       the slowest pace, requests per second
     */
    public record Settings(int initialWindow, int maxWindow, boolean adaptWindow, double increase, double decrease,
                           double minRate) {
        public Settings {
            if (initialWindow < 1 || maxWindow < initialWindow) {
                throw new IllegalArgumentException("window must satisfy 1 <= initial <= max, got " + initialWindow
                        + " and " + maxWindow);
            }
            if (!(increase > 0) || !(decrease > 0 && decrease < 1) || !(minRate > 0)) {
                throw new IllegalArgumentException("need increase > 0, 0 < decrease < 1, minRate > 0");
            }
        }

        /** A window that starts at 8 and adapts up to {@code maxWindow}. */
        public static Settings adaptive(int maxWindow) {
            return new Settings(Math.min(8, maxWindow), maxWindow, true, INCREASE, DECREASE, MIN_RATE);
        }

        /** A window fixed at {@code concurrency}; the pace still adapts to rate limits. */
        public static Settings fixed(int concurrency) {
            return new Settings(concurrency, concurrency, false, INCREASE, DECREASE, MIN_RATE);
        }
    }

    private final Settings settings;
    private final long[] recentSuccesses = new long[1024];
    private int successCount;
    private long firstSuccess;
    private double window;
    private double rate = Double.POSITIVE_INFINITY;
    private boolean probing;
    private long lastSend = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;
    private long lastRateCut = Long.MIN_VALUE;
    private long lastWindowCut = Long.MIN_VALUE;

    public AdaptiveThrottle(Settings settings) {
        this.settings = settings;
        this.window = settings.initialWindow();
    }

    /** Requests that may be in flight now, at least 1. */
    public int window() {
        return (int) Math.floor(window);
    }

    /** The pace in requests per second; infinite until the first 429. */
    public double rate() {
        return rate;
    }

    /**
     * The earliest time the next request may be sent: one pace interval after the last send, and not before a
     * Retry-After pause ends. Asked again whenever something changes, so a waiting request always sees the current
     * pace; nothing is booked ahead at an old pace.
     */
    public long nextSendAt() {
        long paced = Double.isInfinite(rate) || lastSend == Long.MIN_VALUE ? Long.MIN_VALUE
                : lastSend + (long) (SECOND / rate);
        return Math.max(paced, pausedUntil);
    }

    /** A request goes out at {@code now}. */
    public void sent(long now) {
        lastSend = now;
    }

    /** A request succeeded at {@code now}. */
    public void onSuccess(long now) {
        if (successCount == 0) {
            firstSuccess = now;
        }
        recentSuccesses[successCount++ % recentSuccesses.length] = now;
        if (!Double.isInfinite(rate)) {
            // Until the second 429 the pace doubles with each success (an exponential search, like TCP's slow
            // start): the first estimate comes from the server's burst, which may be far below its rate. After
            // that, at pace r a success arrives every 1/r s, so growing by g/r per success grows the pace by the
            // fraction g per second whatever the pace; capped so a very slow pace cannot jump.
            rate *= probing ? 2 : 1 + Math.min(0.25, settings.increase() / rate);
        }
        if (settings.adaptWindow()) {
            window = Math.min(settings.maxWindow(), window + 1 / window);
        }
    }

    /**
     * A request sent at {@code sentAt} got 429 at {@code now}.
     *
     * @param retryAfterNanos the server's Retry-After in nanoseconds, or a negative number when it sent none:
     *                        every request then waits that long
     */
    public void onRateLimited(long sentAt, long now, long retryAfterNanos) {
        if (retryAfterNanos >= 0) {
            pausedUntil = Math.max(pausedUntil, now + retryAfterNanos);
        }
        if (sentAt <= lastRateCut) {
            return;
        }
        lastRateCut = now;
        double granted = grantedRate(now);
        if (Double.isInfinite(rate)) {
            probing = true;
            rate = granted * settings.decrease();
        } else if (probing) {
            // Slow start overshot: the pace before the last doubling was still accepted (TCP's ssthresh = cwnd/2).
            probing = false;
            rate = rate / 2;
        } else {
            // Never cut from a pace the successes did not bear out, or one overshoot takes many cuts to undo.
            rate = Math.min(rate, granted) * settings.decrease();
        }
        rate = Math.max(settings.minRate(), rate);
    }

    /** A request sent at {@code sentAt} failed with a 5xx, a timeout or a dropped connection at {@code now}. */
    public void onOverload(long sentAt, long now) {
        if (!settings.adaptWindow() || sentAt <= lastWindowCut) {
            return;
        }
        lastWindowCut = now;
        window = Math.max(1, window * 0.5);
    }

    /**
     * Successes per second over the last second, or over the time since the first success when that is shorter
     * (at least 50 ms): early in a run a whole second would count time in which nothing was asked. At least 1.
     */
    private double grantedRate(long now) {
        if (successCount == 0) {
            return 1;
        }
        long span = Math.max(SECOND / 20, Math.min(SECOND, now - firstSuccess));
        return Math.max(1, successesSince(now - span) * (double) SECOND / span);
    }

    private int successesSince(long since) {
        int n = 0;
        int stored = Math.min(successCount, recentSuccesses.length);
        for (int i = 0; i < stored; i++) {
            if (recentSuccesses[i] >= since) {
                n++;
            }
        }
        return n;
    }
}

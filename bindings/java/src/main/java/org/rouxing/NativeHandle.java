package org.rouxing;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Owns one native handle. Calls hold the read lock (many threads at once); {@link #close()} takes the
 * write lock, so the handle is never freed while a call uses it, and frees it exactly once. A
 * {@link Cleaner} frees it if the owner becomes unreachable without being closed.
 */
abstract class NativeHandle implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private static final class State implements Runnable {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final LongConsumer free;
        private long handle;

        State(long handle, LongConsumer free) {
            this.handle = handle;
            this.free = free;
        }

        @Override
        public void run() {
            lock.writeLock().lock();
            try {
                if (handle != 0) {
                    long h = handle;
                    handle = 0;
                    free.accept(h);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final String what;

    NativeHandle(long handle, LongConsumer free, String what) {
        if (handle == 0) {
            throw new RouxingException("rouxing: native call returned no " + what);
        }
        this.state = new State(handle, free);
        this.cleanable = CLEANER.register(this, state);
        this.what = what;
    }

    /** Runs a native call with the handle, under the read lock. */
    final <T> T with(LongFunction<T> call) {
        state.lock.readLock().lock();
        try {
            if (state.handle == 0) {
                throw new IllegalStateException(what + " is closed");
            }
            return call.apply(state.handle);
        } finally {
            state.lock.readLock().unlock();
        }
    }

    /** Takes the read lock and returns the handle; pair with {@link #release()}. */
    final long acquire() {
        state.lock.readLock().lock();
        if (state.handle == 0) {
            state.lock.readLock().unlock();
            throw new IllegalStateException(what + " is closed");
        }
        return state.handle;
    }

    /** Releases the read lock taken by {@link #acquire()}. */
    final void release() {
        state.lock.readLock().unlock();
    }

    /** Frees the native value now; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}

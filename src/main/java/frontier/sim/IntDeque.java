package frontier.sim;

import java.util.Arrays;

/**
 * A double-ended queue of ints (a growable ring buffer). Models keep indices here instead of object
 * references on hot paths: storing ints costs no garbage-collector write barrier.
 */
public final class IntDeque {
    private int[] a = new int[16];
    private int head;
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public void addLast(int v) {
        if (size == a.length) grow();
        a[(head + size++) & (a.length - 1)] = v;
    }

    public int pollLast() {
        if (size == 0) throw new IllegalStateException("empty");
        return a[(head + --size) & (a.length - 1)];
    }

    public int pollFirst() {
        if (size == 0) throw new IllegalStateException("empty");
        int v = a[head];
        head = (head + 1) & (a.length - 1);
        size--;
        return v;
    }

    /** The i-th element from the front (0-based). */
    public int get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return a[(head + i) & (a.length - 1)];
    }

    /** Removes and returns the i-th element from the front (0-based), moving the last one into its place. */
    public int swapRemove(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        int mask = a.length - 1;
        int at = (head + i) & mask;
        int v = a[at];
        a[at] = a[(head + size - 1) & mask];
        size--;
        return v;
    }

    private void grow() {
        int[] b = new int[a.length * 2];
        for (int i = 0; i < size; i++) b[i] = a[(head + i) & (a.length - 1)];
        a = b;
        head = 0;
    }

    @Override
    public String toString() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = a[(head + i) & (a.length - 1)];
        return Arrays.toString(out);
    }
}

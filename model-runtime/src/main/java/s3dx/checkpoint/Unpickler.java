package s3dx.checkpoint;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle virtual machine restricted to plain data. It builds Java values only: str as String, int as Long
 * (BigInteger when it does not fit), float as Double, bool as Boolean, None as null, bytes as byte[],
 * tuple as an unmodifiable List, list as ArrayList, dict as LinkedHashMap. Every global, call and persistent
 * id goes through the {@link Host}, which decides what exists; nothing named in a pickle is ever looked up
 * or executed.
 */
final class Unpickler {

    /** What a pickle may refer to beyond plain data. */
    interface Host {
        /** The value for global {@code module.name}; refuses (throws) anything not on its list. */
        Object global(String module, String name) throws CheckpointException;

        /** REDUCE and NEWOBJ: {@code callable(*args)} for a value {@link #global} returned. */
        Object call(Object callable, List<Object> args) throws CheckpointException;

        /** BUILD: applies {@code state} to {@code target}, returns the result. */
        Object build(Object target, Object state) throws CheckpointException;

        /** BINPERSID: the object a persistent id stands for. */
        Object persistentLoad(Object pid) throws CheckpointException;
    }

    /** A state_dict needs a few thousand memo entries and a short stack; a pickle that needs more is refused. */
    static final int MAX_MEMO = 1_000_000, MAX_STACK = 1_000_000;

    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final Host host;

    Unpickler(Host host) {
        this.host = host;
    }

    /** Reads one pickle from {@code in}'s position up to and including STOP; leaves the position after it. */
    Object load(ByteBuffer in) throws CheckpointException {
        in.order(ByteOrder.LITTLE_ENDIAN);
        List<Object> stack = new ArrayList<>();
        Map<Long, Object> memo = new HashMap<>();
        int opAt = in.position();
        try {
            while (true) {
                opAt = in.position();
                if (stack.size() > MAX_STACK) throw new CheckpointException("pickle stack holds more than " + MAX_STACK + " values");
                if (memo.size() > MAX_MEMO) throw new CheckpointException("pickle memo holds more than " + MAX_MEMO + " values");
                int op = in.get() & 0xff;
                switch (op) {
                    case 0x80 -> { // PROTO
                        int proto = in.get() & 0xff;
                        if (proto > 5) throw new CheckpointException("pickle protocol " + proto + " is newer than 5");
                    }
                    case 0x95 -> in.getLong(); // FRAME: a length hint only
                    case '.' -> { // STOP
                        if (stack.size() != 1) throw new CheckpointException("pickle ends with " + stack.size() + " values on the stack");
                        return stack.get(0);
                    }
                    case '(' -> stack.add(MARK);
                    case '0' -> pop(stack); // POP
                    case '1' -> popMark(stack); // POP_MARK
                    case 'N' -> stack.add(null);
                    case 0x88 -> stack.add(Boolean.TRUE);
                    case 0x89 -> stack.add(Boolean.FALSE);
                    case 'J' -> stack.add((long) in.getInt()); // BININT
                    case 'K' -> stack.add((long) (in.get() & 0xff)); // BININT1
                    case 'M' -> stack.add((long) (in.getShort() & 0xffff)); // BININT2
                    case 0x8a -> stack.add(readLong(in, in.get() & 0xff)); // LONG1
                    case 0x8b -> stack.add(readLong(in, length(in, in.getInt() & 0xffffffffL))); // LONG4
                    case 'G' -> stack.add(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT, big-endian
                    case 'X' -> stack.add(utf8(in, in.getInt() & 0xffffffffL)); // BINUNICODE
                    case 0x8c -> stack.add(utf8(in, in.get() & 0xff)); // SHORT_BINUNICODE
                    case 0x8d -> stack.add(utf8(in, in.getLong())); // BINUNICODE8
                    case 'C' -> stack.add(bytes(in, in.get() & 0xff)); // SHORT_BINBYTES
                    case 'B' -> stack.add(bytes(in, in.getInt() & 0xffffffffL)); // BINBYTES
                    case 0x8e -> stack.add(bytes(in, in.getLong())); // BINBYTES8
                    case ')' -> stack.add(List.of()); // EMPTY_TUPLE
                    case 't' -> stack.add(tuple(popMark(stack))); // TUPLE
                    case 0x85 -> stack.add(tuple(popN(stack, 1))); // TUPLE1
                    case 0x86 -> stack.add(tuple(popN(stack, 2))); // TUPLE2
                    case 0x87 -> stack.add(tuple(popN(stack, 3))); // TUPLE3
                    case ']' -> stack.add(new ArrayList<>()); // EMPTY_LIST
                    case 'l' -> stack.add(new ArrayList<>(popMark(stack))); // LIST
                    case 'a' -> { // APPEND
                        Object item = pop(stack);
                        asList(top(stack)).add(item);
                    }
                    case 'e' -> { // APPENDS
                        List<Object> items = popMark(stack);
                        asList(top(stack)).addAll(items);
                    }
                    case '}' -> stack.add(new LinkedHashMap<>()); // EMPTY_DICT
                    case 'd' -> { // DICT
                        Map<Object, Object> dict = new LinkedHashMap<>();
                        putPairs(dict, popMark(stack));
                        stack.add(dict);
                    }
                    case 's' -> { // SETITEM
                        Object value = pop(stack);
                        Object key = pop(stack);
                        asDict(top(stack)).put(dictKey(key), value);
                    }
                    case 'u' -> { // SETITEMS
                        List<Object> pairs = popMark(stack);
                        putPairs(asDict(top(stack)), pairs);
                    }
                    case 'q' -> memo.put((long) (in.get() & 0xff), top(stack)); // BINPUT
                    case 'r' -> memo.put(in.getInt() & 0xffffffffL, top(stack)); // LONG_BINPUT
                    case 0x94 -> memo.put((long) memo.size(), top(stack)); // MEMOIZE
                    case 'h' -> stack.add(memoGet(memo, in.get() & 0xff)); // BINGET
                    case 'j' -> stack.add(memoGet(memo, in.getInt() & 0xffffffffL)); // LONG_BINGET
                    case 'c' -> stack.add(host.global(line(in), line(in))); // GLOBAL
                    case 0x93 -> { // STACK_GLOBAL
                        Object name = pop(stack);
                        Object module = pop(stack);
                        if (!(module instanceof String m) || !(name instanceof String n)) {
                            throw new CheckpointException("STACK_GLOBAL needs two strings");
                        }
                        stack.add(host.global(m, n));
                    }
                    case 'R', 0x81 -> { // REDUCE, NEWOBJ
                        Object args = pop(stack);
                        Object callable = pop(stack);
                        if (!(args instanceof List<?> list)) throw new CheckpointException("call arguments are not a tuple");
                        stack.add(host.call(callable, Collections.unmodifiableList(list)));
                    }
                    case 'b' -> { // BUILD
                        Object state = pop(stack);
                        Object target = pop(stack);
                        stack.add(host.build(target, state));
                    }
                    case 'Q' -> stack.add(host.persistentLoad(pop(stack))); // BINPERSID
                    default -> throw new CheckpointException(String.format(
                            "pickle opcode 0x%02x is not one a state_dict uses", op));
                }
            }
        } catch (BufferUnderflowException e) {
            throw new CheckpointException("pickle is truncated (at byte " + opAt + ")", e);
        }
    }

    private static Object pop(List<Object> stack) throws CheckpointException {
        Object value = top(stack);
        stack.remove(stack.size() - 1);
        if (value == MARK) throw new CheckpointException("pickle pops a MARK as a value");
        return value;
    }

    private static Object top(List<Object> stack) throws CheckpointException {
        if (stack.isEmpty()) throw new CheckpointException("pickle stack underflow");
        return stack.get(stack.size() - 1);
    }

    private static List<Object> popN(List<Object> stack, int n) throws CheckpointException {
        if (stack.size() < n) throw new CheckpointException("pickle stack underflow");
        List<Object> view = stack.subList(stack.size() - n, stack.size());
        if (view.contains(MARK)) throw new CheckpointException("pickle takes a MARK as a value");
        List<Object> items = new ArrayList<>(view);
        view.clear();
        return items;
    }

    private static List<Object> popMark(List<Object> stack) throws CheckpointException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) throw new CheckpointException("pickle has no MARK to pop to");
        List<Object> view = stack.subList(mark + 1, stack.size());
        List<Object> items = new ArrayList<>(view);
        view.clear();
        stack.remove(mark);
        return items;
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) throws CheckpointException {
        if (o instanceof ArrayList<?> list) return (List<Object>) list;
        throw new CheckpointException("pickle appends to a " + describe(o) + ", not a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asDict(Object o) throws CheckpointException {
        if (o instanceof LinkedHashMap<?, ?> map) return (Map<Object, Object>) map;
        throw new CheckpointException("pickle sets items on a " + describe(o) + ", not a dict");
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> pairs) throws CheckpointException {
        if (pairs.size() % 2 != 0) throw new CheckpointException("pickle gives a dict an odd number of items");
        for (int i = 0; i < pairs.size(); i += 2) dict.put(dictKey(pairs.get(i)), pairs.get(i + 1));
    }

    /**
     * Only scalars may be dict keys: a state_dict is keyed by names, and hashing a list or tuple would walk
     * it, which never ends for one that holds itself and takes exponential time for memo references that
     * nest the same list twice at every level (a "billion laughs" pickle).
     */
    private static Object dictKey(Object key) throws CheckpointException {
        if (key == null || key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof Double) return key;
        if (key instanceof BigInteger) return key;
        throw new CheckpointException("pickle uses a " + describe(key) + " as a dict key; a state_dict's keys are names");
    }

    private static Object memoGet(Map<Long, Object> memo, long index) throws CheckpointException {
        if (!memo.containsKey(index)) throw new CheckpointException("pickle reads memo " + index + " before setting it");
        return memo.get(index);
    }

    private static int length(ByteBuffer in, long n) throws CheckpointException {
        if (n < 0 || n > in.remaining()) {
            throw new CheckpointException("pickle is truncated: an item of " + n + " bytes, " + in.remaining() + " left");
        }
        return (int) n;
    }

    private static byte[] bytes(ByteBuffer in, long n) throws CheckpointException {
        byte[] b = new byte[length(in, n)];
        in.get(b);
        return b;
    }

    private static String utf8(ByteBuffer in, long n) throws CheckpointException {
        return new String(bytes(in, n), StandardCharsets.UTF_8);
    }

    /** A newline-terminated ASCII line (GLOBAL's module and name). */
    private static String line(ByteBuffer in) throws CheckpointException {
        StringBuilder sb = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            if (sb.length() > 1000) throw new CheckpointException("pickle GLOBAL name is too long");
            sb.append((char) (b & 0xff));
        }
        return sb.toString();
    }

    /** A little-endian two's-complement integer of n bytes. */
    private static Object readLong(ByteBuffer in, int n) throws CheckpointException {
        byte[] le = bytes(in, n);
        if (n == 0) return 0L;
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = le[n - 1 - i];
        BigInteger value = new BigInteger(be);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /**
     * A short description of a pickled value that never walks into containers (they may hold themselves)
     * and never prints more than a few dozen characters of it.
     */
    static String describe(Object o) {
        if (o == null) return "None";
        if (o instanceof List<?> l) return "sequence of " + l.size();
        if (o instanceof Map<?, ?> m) return "dict of " + m.size();
        if (o instanceof byte[] b) return "bytes " + Arrays.toString(Arrays.copyOf(b, Math.min(b.length, 8)));
        if (o instanceof BigInteger b) return b.bitLength() > 128 ? "int of " + b.bitLength() + " bits" : "int " + b;
        if (o instanceof String s) return "'" + shorten(s) + "'";
        return o.getClass().getSimpleName() + " " + shorten(String.valueOf(o));
    }

    /** At most 80 characters of {@code s}. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

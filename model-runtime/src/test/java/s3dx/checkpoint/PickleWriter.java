package s3dx.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Writes pickle opcodes, protocol 2 unless told, as CPython's pickler would for the values used here. */
final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> memoizedGlobals = new HashMap<>();
    private int memoSize;

    PickleWriter proto(int version) {
        return op(0x80).op(version);
    }

    PickleWriter mark() {
        return op('(');
    }

    PickleWriter stop() {
        return op('.');
    }

    /** GLOBAL module name; a repeated global is fetched from the memo (BINPUT once, BINGET after). */
    PickleWriter global(String module, String name) {
        Integer at = memoizedGlobals.get(module + "." + name);
        if (at != null) return op('h').op(at);
        op('c');
        ascii(module + "\n" + name + "\n");
        memoizedGlobals.put(module + "." + name, memoSize);
        return op('q').op(memoSize++);
    }

    /** Protocol 4's way to name a global: two strings then STACK_GLOBAL. */
    PickleWriter stackGlobal(String module, String name) {
        return op(0x80).op(4).shortUnicode(module).op(0x94).shortUnicode(name).op(0x94).op(0x93);
    }

    PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        int32(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleWriter shortUnicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c).op(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleWriter integer(long v) {
        if (v >= 0 && v < 256) return op('K').op((int) v);
        if (v >= 0 && v < 65536) return op('M').op((int) v & 0xff).op((int) (v >>> 8));
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            return int32((int) v);
        }
        op(0x8a).op(8);
        for (int i = 0; i < 8; i++) op((int) (v >>> (8 * i)) & 0xff);
        return this;
    }

    /** LONG1 with the given little-endian two's-complement bytes. */
    PickleWriter long1(byte[] littleEndian) {
        op(0x8a).op(littleEndian.length);
        out.writeBytes(littleEndian);
        return this;
    }

    PickleWriter bool(boolean b) {
        return op(b ? 0x88 : 0x89);
    }

    PickleWriter none() {
        return op('N');
    }

    PickleWriter tuple() {
        return op('t');
    }

    PickleWriter emptyTuple() {
        return op(')');
    }

    PickleWriter tuple1() {
        return op(0x85);
    }

    PickleWriter tupleOf(long... values) {
        mark();
        for (long v : values) integer(v);
        return tuple();
    }

    PickleWriter emptyDict() {
        return op('}');
    }

    PickleWriter emptyList() {
        return op(']');
    }

    PickleWriter appends() {
        return op('e');
    }

    PickleWriter setitems() {
        return op('u');
    }

    PickleWriter reduce() {
        return op('R');
    }

    PickleWriter build() {
        return op('b');
    }

    PickleWriter binpersid() {
        return op('Q');
    }

    PickleWriter op(int b) {
        out.write(b);
        return this;
    }

    private PickleWriter int32(int v) {
        for (int i = 0; i < 4; i++) out.write((v >>> (8 * i)) & 0xff);
        return this;
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}

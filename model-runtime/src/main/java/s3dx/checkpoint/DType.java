package s3dx.checkpoint;

import java.nio.ByteBuffer;

/** The element types a PyTorch storage may hold, each read as float32. */
enum DType {
    FLOAT("FloatStorage", "float32", 4),
    DOUBLE("DoubleStorage", "float64", 8),
    HALF("HalfStorage", "float16", 2),
    BFLOAT16("BFloat16Storage", "bfloat16", 2),
    LONG("LongStorage", "int64", 8),
    INT("IntStorage", "int32", 4),
    SHORT("ShortStorage", "int16", 2),
    CHAR("CharStorage", "int8", 1),
    BYTE("ByteStorage", "uint8", 1),
    BOOL("BoolStorage", "bool", 1);

    /** The class name in module {@code torch} (torch.FloatStorage). */
    final String storageClass;
    /** The dtype name in module {@code torch} (torch.float32). */
    final String dtypeName;
    final int size;

    DType(String storageClass, String dtypeName, int size) {
        this.storageClass = storageClass;
        this.dtypeName = dtypeName;
        this.size = size;
    }

    /** Element {@code i} of {@code buf} (whose byte order is already set) as a float. */
    float read(ByteBuffer buf, int i) {
        int at = i * size;
        return switch (this) {
            case FLOAT -> buf.getFloat(at);
            case DOUBLE -> (float) buf.getDouble(at);
            case HALF -> halfToFloat(buf.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((buf.getShort(at) & 0xffff) << 16);
            case LONG -> (float) buf.getLong(at);
            case INT -> (float) buf.getInt(at);
            case SHORT -> buf.getShort(at);
            case CHAR -> buf.get(at);
            case BYTE -> buf.get(at) & 0xff;
            case BOOL -> buf.get(at) != 0 ? 1f : 0f;
        };
    }

    /** IEEE 754 binary16 to binary32 (Float.float16ToFloat arrives only in Java 20). */
    static float halfToFloat(short bits) {
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        float magnitude;
        if (exp == 0) {
            magnitude = mant * 0x1p-24f; // zero or subnormal
        } else if (exp == 0x1f) {
            magnitude = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat(((exp + 127 - 15) << 23) | (mant << 13));
        }
        return bits < 0 ? -magnitude : magnitude;
    }
}

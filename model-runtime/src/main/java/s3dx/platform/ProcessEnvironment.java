package s3dx.platform;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Sets variables in this process's native environment, for native libraries that read them when they load
 * (ONNX Runtime's telemetry switch, libtorch's OpenMP). Java cannot do this itself; JNA calls the C library.
 */
public final class ProcessEnvironment {
    private ProcessEnvironment() {}

    /** Sets {@code name} unless the user already set it; returns the value in force. Failure leaves it unset (the launchers set some too). */
    public static String setDefault(String name, String value) {
        String user = System.getenv(name);
        if (user != null) return user;
        set(name, value);
        return value;
    }

    /** Sets {@code name} to {@code value}, replacing what the process started with. */
    public static void set(String name, String value) {
        if (value.equals(System.getenv(name))) return;
        try {
            if (Platform.isWindows()) {
                NativeLibrary.getInstance("kernel32").getFunction("SetEnvironmentVariableA").invokeInt(new Object[]{name, value});
            } else {
                NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("setenv").invokeInt(new Object[]{name, value, 1});
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // the launchers set what matters too
        }
    }
}

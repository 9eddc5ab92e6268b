package s3dx.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The torch side of unpickling a state_dict: the only globals it knows are OrderedDict, the tensor and
 * parameter rebuild functions, the storage classes and dtypes. Tensors come out as {@link TensorRef}s that
 * point into storages by key; no storage bytes are touched while the pickle runs.
 */
final class TorchPickle implements Unpickler.Host {

    /** A storage as a persistent id names it: its record key, element type and length in elements. */
    record StorageRef(String key, DType dtype, long numel) {}

    /** A tensor as a view of a storage. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}

    private enum Function { ORDERED_DICT, REBUILD_TENSOR, REBUILD_TENSOR_V2, REBUILD_PARAMETER }

    private static final Map<String, Object> GLOBALS = new LinkedHashMap<>();

    static {
        GLOBALS.put("collections.OrderedDict", Function.ORDERED_DICT);
        GLOBALS.put("torch._utils._rebuild_tensor", Function.REBUILD_TENSOR);
        GLOBALS.put("torch._utils._rebuild_tensor_v2", Function.REBUILD_TENSOR_V2);
        GLOBALS.put("torch._utils._rebuild_parameter", Function.REBUILD_PARAMETER);
        for (DType t : DType.values()) {
            GLOBALS.put("torch." + t.storageClass, t);
            GLOBALS.put("torch." + t.dtypeName, t);
        }
    }

    private final Map<String, StorageRef> storages = new LinkedHashMap<>();

    /** The storage the pickle named {@code key}, or null where it named none. */
    StorageRef storage(String key) {
        return storages.get(key);
    }

    @Override
    public Object global(String module, String name) throws CheckpointException {
        String qualified = module + "." + name;
        Object value = GLOBALS.get(qualified);
        if (value == null) {
            throw new CheckpointException("refuses to load: the pickle asks for global " + qualified
                    + ", which a state_dict never needs");
        }
        return value;
    }

    @Override
    public Object call(Object callable, List<Object> args) throws CheckpointException {
        if (!(callable instanceof Function f)) {
            throw new CheckpointException("the pickle calls " + Unpickler.describe(callable) + ", which is not a function");
        }
        return switch (f) {
            case ORDERED_DICT -> {
                if (!args.isEmpty()) throw new CheckpointException("OrderedDict is called with arguments");
                yield new LinkedHashMap<>();
            }
            // _rebuild_tensor(storage, offset, size, stride); _v2 adds requires_grad, backward_hooks[, metadata]
            case REBUILD_TENSOR, REBUILD_TENSOR_V2 -> {
                if (args.size() < 4) throw new CheckpointException("a tensor is rebuilt from " + args.size() + " arguments");
                if (!(args.get(0) instanceof StorageRef storage)) {
                    throw new CheckpointException("a tensor is rebuilt from " + Unpickler.describe(args.get(0)) + ", not a storage");
                }
                yield new TensorRef(storage, asLong(args.get(1), "storage offset"),
                        longs(args.get(2), "size"), longs(args.get(3), "stride"));
            }
            // _rebuild_parameter(data, requires_grad, backward_hooks): a parameter is its data here
            case REBUILD_PARAMETER -> {
                if (args.isEmpty() || !(args.get(0) instanceof TensorRef data)) {
                    throw new CheckpointException("a parameter is rebuilt from something other than a tensor");
                }
                yield data;
            }
        };
    }

    @Override
    public Object build(Object target, Object state) throws CheckpointException {
        // An OrderedDict state_dict carries its _metadata (module versions) as attribute state: not needed.
        if (target instanceof Map<?, ?>) return target;
        throw new CheckpointException("the pickle sets state on " + Unpickler.describe(target));
    }

    /** ('storage', storage type, key, location, numel) in zip files; legacy files add view metadata. */
    @Override
    public Object persistentLoad(Object pid) throws CheckpointException {
        if (!(pid instanceof List<?> t) || t.size() < 5 || !"storage".equals(t.get(0))) {
            throw new CheckpointException("unknown persistent id " + Unpickler.describe(pid));
        }
        if (!(t.get(1) instanceof DType dtype)) {
            throw new CheckpointException("storage of unknown type " + Unpickler.describe(t.get(1)));
        }
        if (!(t.get(2) instanceof String key)) throw new CheckpointException("storage key is not a string");
        if (t.size() > 5 && t.get(5) != null) {
            throw new CheckpointException("storage " + key + " is a view of another storage (torch before 0.4): not supported");
        }
        StorageRef ref = new StorageRef(key, dtype, asLong(t.get(4), "storage length"));
        StorageRef before = storages.putIfAbsent(key, ref);
        if (before != null && !before.equals(ref)) {
            throw new CheckpointException("storage " + key + " is named as both " + before + " and " + ref);
        }
        return ref;
    }

    private static long asLong(Object o, String what) throws CheckpointException {
        if (o instanceof Long l && l >= 0) return l;
        throw new CheckpointException(what + " is " + Unpickler.describe(o) + ", not a non-negative int");
    }

    private static long[] longs(Object o, String what) throws CheckpointException {
        if (!(o instanceof List<?> list)) throw new CheckpointException(what + " is " + Unpickler.describe(o) + ", not a tuple");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = asLong(list.get(i), what);
        return out;
    }
}

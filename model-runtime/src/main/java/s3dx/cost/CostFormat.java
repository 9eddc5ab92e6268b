package s3dx.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layer table as text: an aligned table, CSV, Markdown, or JSON. One place for every export. */
public enum CostFormat {
    TABLE, CSV, MARKDOWN, JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] HEADER = {"name", "block", "outputShape", "params", "macs", "flops", "activationBytes", "macShare"};

    public String render(CostReport r) {
        return switch (this) {
            case TABLE -> table(r);
            case CSV -> delimited(r, ",", "", "");
            case MARKDOWN -> delimited(r, " | ", "| ", " |");
            case JSON -> json(r);
        };
    }

    public static String shape(long[] dims) {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    /** Human-readable counts: 8,320,048 / 17.979 G / 1.23 GiB. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String giga(long n) {
        return String.format(Locale.ROOT, "%.3f G", n / 1e9);
    }

    public static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    private static String share(CostReport r, long macs) {
        return String.format(Locale.ROOT, "%.2f%%", r.macs() == 0 ? 0 : 100.0 * macs / r.macs());
    }

    private static String[] row(CostReport r, CostReport.LayerCost l) {
        return new String[]{l.name(), l.block().name(), shape(l.outputDims()), Long.toString(l.params()),
                Long.toString(l.macs()), Long.toString(l.flops()), Long.toString(l.activationBytes()), share(r, l.macs())};
    }

    private static String delimited(CostReport r, String sep, String start, String end) {
        StringBuilder sb = new StringBuilder(start + String.join(sep, HEADER) + end + "\n");
        if (!start.isEmpty()) sb.append(start).append(String.join(sep, java.util.Collections.nCopies(HEADER.length, "---"))).append(end).append('\n');
        for (CostReport.LayerCost l : r.layers()) sb.append(start).append(String.join(sep, row(r, l))).append(end).append('\n');
        sb.append(start).append(String.join(sep, "total", "", "", Long.toString(r.params()), Long.toString(r.macs()),
                Long.toString(r.flops()), Long.toString(r.activationBytes()), "100.00%")).append(end).append('\n');
        return sb.toString();
    }

    private static String table(CostReport r) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-48s %-15s %-16s %12s %16s %12s%n";
        sb.append(String.format(Locale.ROOT, fmt, "layer", "block", "output CxTxHxW", "params", "MACs", "activations"));
        for (CostReport.LayerCost l : r.layers()) {
            sb.append(String.format(Locale.ROOT, fmt, l.name(), l.block().name(), shape(l.outputDims()), count(l.params()),
                    count(l.macs()), bytes(l.activationBytes())));
        }
        sb.append(String.format(Locale.ROOT, "%nparams %s   MACs %s   FLOPs (2 x MACs) %s   activations %s%n",
                count(r.params()), giga(r.macs()), giga(r.flops()), bytes(r.activationBytes())));
        return sb.toString();
    }

    private static String json(CostReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("params", r.params());
        root.put("macs", r.macs());
        root.put("flops", r.flops());
        root.put("activationBytes", r.activationBytes());
        ObjectNode blocks = root.putObject("blocks");
        r.blocks().forEach((b, t) -> blocks.putObject(b.name()).put("params", t.params()).put("macs", t.macs())
                .put("activationBytes", t.activationBytes()));
        ArrayNode layers = root.putArray("layers");
        for (CostReport.LayerCost l : r.layers()) {
            ObjectNode n = layers.addObject().put("name", l.name()).put("block", l.block().name());
            ArrayNode shape = n.putArray("outputShape");
            for (long d : l.outputDims()) shape.add(d);
            n.put("params", l.params()).put("macs", l.macs()).put("flops", l.flops()).put("activationBytes", l.activationBytes());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

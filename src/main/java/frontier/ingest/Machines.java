package frontier.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine (instance) types: recognising them in usage types, and the GPU count of the GPU types that
 * matter for inference. Deliberately a table, not a guess: an unknown type has no GPU count (null),
 * rather than a wrong one. Inferentia/Trainium/TPU accelerators are not GPUs and have none.
 */
final class Machines {
    /** An AWS instance type as it ends a usage type ("USE1-BoxUsage:p4d.24xlarge", "Host:ml.g5.2xlarge", "InstanceUsage:db.t3.micro"). */
    private static final Pattern AWS_TYPE = Pattern.compile(
            "(?:ml\\.|db\\.|cache\\.)?[a-z][a-z0-9-]*\\.(?:\\d*x?large|medium|small|micro|nano|metal(?:-\\d+xl)?)");
    /** GCP accelerator-optimised types whose name says the GPU count: a2-highgpu-4g, a3-megagpu-8g, a2-ultragpu-1g. */
    private static final Pattern GCP_NG = Pattern.compile("a[234]-[a-z]+gpu-(\\d+)g");

    private static final Map<String, Integer> GPUS = Map.ofEntries(
            // AWS EC2 (SageMaker's ml.* types are looked up without the prefix)
            Map.entry("p2.xlarge", 1),
            Map.entry("p2.8xlarge", 8),
            Map.entry("p2.16xlarge", 16),
            Map.entry("p3.2xlarge", 1),
            Map.entry("p3.8xlarge", 4),
            Map.entry("p3.16xlarge", 8),
            Map.entry("p3dn.24xlarge", 8),
            Map.entry("p4d.24xlarge", 8),
            Map.entry("p4de.24xlarge", 8),
            Map.entry("p5.48xlarge", 8),
            Map.entry("p5e.48xlarge", 8),
            Map.entry("p5en.48xlarge", 8),
            Map.entry("p5.4xlarge", 1),
            Map.entry("g4dn.xlarge", 1),
            Map.entry("g4dn.2xlarge", 1),
            Map.entry("g4dn.4xlarge", 1),
            Map.entry("g4dn.8xlarge", 1),
            Map.entry("g4dn.16xlarge", 1),
            Map.entry("g4dn.12xlarge", 4),
            Map.entry("g4dn.metal", 8),
            Map.entry("g4ad.xlarge", 1),
            Map.entry("g4ad.2xlarge", 1),
            Map.entry("g4ad.4xlarge", 1),
            Map.entry("g4ad.8xlarge", 2),
            Map.entry("g4ad.16xlarge", 4),
            Map.entry("g5g.xlarge", 1),
            Map.entry("g5g.2xlarge", 1),
            Map.entry("g5g.4xlarge", 1),
            Map.entry("g5g.8xlarge", 1),
            Map.entry("g5g.16xlarge", 2),
            Map.entry("g5g.metal", 2),
            // Azure sizes (as in AdditionalInfo ServiceType / ArmSkuName)
            Map.entry("Standard_NC6s_v3", 1),
            Map.entry("Standard_NC12s_v3", 2),
            Map.entry("Standard_NC24s_v3", 4),
            Map.entry("Standard_NC24rs_v3", 4),
            Map.entry("Standard_NC4as_T4_v3", 1),
            Map.entry("Standard_NC8as_T4_v3", 1),
            Map.entry("Standard_NC16as_T4_v3", 1),
            Map.entry("Standard_NC64as_T4_v3", 4),
            Map.entry("Standard_NC24ads_A100_v4", 1),
            Map.entry("Standard_NC48ads_A100_v4", 2),
            Map.entry("Standard_NC96ads_A100_v4", 4),
            Map.entry("Standard_NC40ads_H100_v5", 1),
            Map.entry("Standard_NC80adis_H100_v5", 2),
            Map.entry("Standard_ND96asr_v4", 8),
            Map.entry("Standard_ND96amsr_A100_v4", 8),
            Map.entry("Standard_ND96isr_H100_v5", 8),
            Map.entry("Standard_ND40rs_v2", 8),
            // GCP G2 (L4)
            Map.entry("g2-standard-4", 1),
            Map.entry("g2-standard-8", 1),
            Map.entry("g2-standard-12", 1),
            Map.entry("g2-standard-16", 1),
            Map.entry("g2-standard-32", 1),
            Map.entry("g2-standard-24", 2),
            Map.entry("g2-standard-48", 4),
            Map.entry("g2-standard-96", 8));

    private Machines() {}

    /** The instance type that ends an AWS usage type (after its last ':'), or null when it does not end in one. */
    static String fromAwsUsageType(String usageType) {
        if (usageType == null) return null;
        int colon = usageType.lastIndexOf(':');
        if (colon < 0) return null;
        String t = usageType.substring(colon + 1);
        return AWS_TYPE.matcher(t).matches() ? t : null;
    }

    /** GPUs of a known GPU machine type; null when the type is unknown, not a GPU type or null. */
    static Integer gpuCount(String type) {
        if (type == null) return null;
        Integer n = GPUS.get(type.startsWith("ml.") ? type.substring(3) : type);
        if (n != null) return n;
        String t = type.startsWith("ml.") ? type.substring(3) : type;
        int dot = t.indexOf('.');
        if (dot > 0) {
            String family = t.substring(0, dot);
            String size = t.substring(dot + 1);
            // g5, g6, g6e share one layout: 1 GPU up to 16xlarge, 4 at 12xlarge and 24xlarge, 8 at 48xlarge.
            if (family.equals("g5") || family.equals("g6") || family.equals("g6e")) {
                return switch (size) {
                    case "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge" -> 1;
                    case "12xlarge", "24xlarge" -> 4;
                    case "48xlarge" -> 8;
                    default -> null;
                };
            }
        }
        Matcher m = GCP_NG.matcher(type);
        if (m.matches()) return Integer.parseInt(m.group(1));
        return null;
    }
}

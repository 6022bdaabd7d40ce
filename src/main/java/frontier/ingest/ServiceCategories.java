package frontier.ingest;

import java.util.Map;

/**
 * FOCUS ServiceCategory for the provider service names that matter most for inference costs; rows of
 * other services keep a null category (they still count in every total). Source: the FOCUS converters'
 * provider→category mapping files, abridged.
 */
final class ServiceCategories {
    private static final Map<String, String> AWS = Map.ofEntries(
            Map.entry("AmazonEC2", "Compute"),
            Map.entry("AWSLambda", "Compute"),
            Map.entry("AmazonECS", "Compute"),
            Map.entry("AmazonEKS", "Compute"),
            Map.entry("AWSFargate", "Compute"),
            Map.entry("AmazonLightsail", "Compute"),
            Map.entry("AmazonSageMaker", "AI and Machine Learning"),
            Map.entry("AmazonBedrock", "AI and Machine Learning"),
            Map.entry("AmazonRekognition", "AI and Machine Learning"),
            Map.entry("AmazonComprehend", "AI and Machine Learning"),
            Map.entry("AmazonTextract", "AI and Machine Learning"),
            Map.entry("AmazonPolly", "AI and Machine Learning"),
            Map.entry("AmazonS3", "Storage"),
            Map.entry("AmazonEFS", "Storage"),
            Map.entry("AmazonFSx", "Storage"),
            Map.entry("AmazonGlacier", "Storage"),
            Map.entry("AWSBackup", "Storage"),
            Map.entry("AmazonRDS", "Databases"),
            Map.entry("AmazonDynamoDB", "Databases"),
            Map.entry("AmazonElastiCache", "Databases"),
            Map.entry("AmazonRedshift", "Databases"),
            Map.entry("AmazonDocDB", "Databases"),
            Map.entry("AmazonVPC", "Networking"),
            Map.entry("AmazonCloudFront", "Networking"),
            Map.entry("AmazonRoute53", "Networking"),
            Map.entry("AWSDataTransfer", "Networking"),
            Map.entry("AWSELB", "Networking"),
            Map.entry("AmazonApiGateway", "Networking"),
            Map.entry("AmazonCloudWatch", "Management and Governance"),
            Map.entry("AWSCloudTrail", "Management and Governance"),
            Map.entry("AWSConfig", "Management and Governance"),
            Map.entry("AmazonSQS", "Integration"),
            Map.entry("AmazonSNS", "Integration"),
            Map.entry("AWSQueueService", "Integration"),
            Map.entry("awskms", "Security"),
            Map.entry("AWSSecretsManager", "Security"),
            Map.entry("AmazonGuardDuty", "Security"));

    private static final Map<String, String> AZURE = Map.ofEntries(
            Map.entry("Virtual Machines", "Compute"),
            Map.entry("Container Instances", "Compute"),
            Map.entry("Functions", "Compute"),
            Map.entry("Azure App Service", "Compute"),
            Map.entry("Virtual Machines Licenses", "Compute"),
            Map.entry("Azure Kubernetes Service", "Compute"),
            Map.entry("Cloud Services", "Compute"),
            Map.entry("Cognitive Services", "AI and Machine Learning"),
            Map.entry("Azure OpenAI", "AI and Machine Learning"),
            Map.entry("Foundry Models", "AI and Machine Learning"),
            Map.entry("Machine Learning", "AI and Machine Learning"),
            Map.entry("Azure Machine Learning", "AI and Machine Learning"),
            Map.entry("Storage", "Storage"),
            Map.entry("Backup", "Storage"),
            Map.entry("SQL Database", "Databases"),
            Map.entry("Azure Cosmos DB", "Databases"),
            Map.entry("Azure Database for PostgreSQL", "Databases"),
            Map.entry("Redis Cache", "Databases"),
            Map.entry("Virtual Network", "Networking"),
            Map.entry("Bandwidth", "Networking"),
            Map.entry("Load Balancer", "Networking"),
            Map.entry("Application Gateway", "Networking"),
            Map.entry("VPN Gateway", "Networking"),
            Map.entry("Azure DNS", "Networking"),
            Map.entry("Content Delivery Network", "Networking"),
            Map.entry("Log Analytics", "Management and Governance"),
            Map.entry("Azure Monitor", "Management and Governance"),
            Map.entry("Key Vault", "Security"));

    private ServiceCategories() {}

    static String aws(String productCode) {
        return productCode == null ? null : AWS.get(productCode);
    }

    static String azure(String meterCategory) {
        return meterCategory == null ? null : AZURE.get(meterCategory);
    }

    static String gcp(String service) {
        if (service == null) return null;
        return switch (service) {
            case "Compute Engine", "Cloud Run", "Cloud Functions", "Kubernetes Engine", "App Engine" -> "Compute";
            case "Vertex AI", "Cloud TPU", "Gemini API", "Cloud Vision API", "Cloud Speech API" ->
                "AI and Machine Learning";
            case "Cloud Storage", "Filestore" -> "Storage";
            case "Cloud SQL", "BigQuery", "Cloud Spanner", "Cloud Bigtable", "Firestore", "Memorystore for Redis" ->
                "Databases";
            case "Networking", "Cloud CDN", "Cloud DNS", "Cloud Load Balancing" -> "Networking";
            case "Cloud Logging", "Cloud Monitoring" -> "Management and Governance";
            default -> null;
        };
    }

    /**
     * The OCI cost reports' {@code product/service} codes seen in the samples: as Oracle's own FOCUS export
     * categorises them where it shows them (COMPUTE, NETWORK, BLOCK_STORAGE), the others after the nearest
     * AWS service in the FOCUS converters' mapping (streaming like Kinesis/MSK: Analytics).
     */
    static String oci(String service) {
        if (service == null) return null;
        return switch (service) {
            case "COMPUTE" -> "Compute";
            case "BLOCK_STORAGE", "OBJECTSTORE" -> "Storage";
            case "DATABASE", "MYSQL" -> "Databases";
            case "NETWORK" -> "Networking";
            case "TELEMETRY" -> "Management and Governance";
            case "ORACLE_STREAMING_SERVICE" -> "Analytics";
            default -> null;
        };
    }
}

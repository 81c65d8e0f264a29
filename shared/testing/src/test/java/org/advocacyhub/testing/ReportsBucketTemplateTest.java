package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's ReportsBucket (issue 11 item 3): where every report workbook is kept, some with personal data
 * (LEW 17.5 caseload lists), so it is versioned, encrypted, never public, reachable over TLS only, and expires what it
 * holds after the retention period. No local engine enforces any of this: the template is the only place to check it.
 */
class ReportsBucketTemplateTest {

    private final SamTemplate template = SamTemplate.locate();
    private final Map<String, Object> bucket = template.resourceProperties("ReportsBucket");

    @Test
    void the_reports_bucket_is_versioned_and_kept_when_the_stack_goes() {
        assertEquals("AWS::S3::Bucket", template.resourceType("ReportsBucket"));
        assertTrue(template.bucket("ReportsBucket").versioned());
        Map<?, ?> resource = (Map<?, ?>) template.resources().get("ReportsBucket");
        assertEquals("Retain", resource.get("DeletionPolicy"));
        assertEquals("Retain", resource.get("UpdateReplacePolicy"));
    }

    @Test
    void every_object_is_encrypted_at_rest_by_default() {
        Map<?, ?> encryption = (Map<?, ?>) bucket.get("BucketEncryption");
        List<?> rules = (List<?>) encryption.get("ServerSideEncryptionConfiguration");
        Map<?, ?> byDefault = (Map<?, ?>) ((Map<?, ?>) rules.get(0)).get("ServerSideEncryptionByDefault");
        assertTrue(List.of("AES256", "aws:kms").contains(byDefault.get("SSEAlgorithm")), String.valueOf(byDefault));
    }

    @Test
    void public_access_is_blocked_all_four_ways() {
        Map<?, ?> block = (Map<?, ?>) bucket.get("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(Boolean.TRUE, block.get(setting), setting);
        }
    }

    @Test
    void reports_expire_after_the_retention_parameter_and_replaced_versions_sooner() {
        assertEquals("2557", template.parameters().get("ReportRetentionDays").defaultValue(), "seven years by default");
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) bucket.get("LifecycleConfiguration")).get("Rules")).get(0);
        assertEquals("Enabled", rule.get("Status"));
        assertEquals(Map.of("Ref", "ReportRetentionDays"), rule.get("ExpirationInDays"));
        Object noncurrent = ((Map<?, ?>) rule.get("NoncurrentVersionExpiration")).get("NoncurrentDays");
        assertTrue(noncurrent instanceof Number days && days.intValue() > 0, "replaced versions expire: " + noncurrent);
    }

    @Test
    void the_bucket_policy_denies_every_request_not_made_over_tls() {
        Map<String, Object> policy = template.resourceProperties("ReportsBucketPolicy");
        assertEquals("AWS::S3::BucketPolicy", template.resourceType("ReportsBucketPolicy"));
        assertEquals(Map.of("Ref", "ReportsBucket"), policy.get("Bucket"));
        List<?> statements = (List<?>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement");
        assertTrue(statements.stream().map(s -> (Map<?, ?>) s).anyMatch(s -> "Deny".equals(s.get("Effect"))
                        && "s3:*".equals(s.get("Action"))
                        && Map.of("Bool", Map.of("aws:SecureTransport", "false")).equals(s.get("Condition"))
                        && ((List<?>) s.get("Resource")).size() == 2),
                "a Deny of s3:* on the bucket and its objects when aws:SecureTransport is false: " + statements);
    }
}

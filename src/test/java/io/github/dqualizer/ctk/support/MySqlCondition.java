package io.github.dqualizer.ctk.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link EnabledIfMySqlConfigured}. */
class MySqlCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (MySqlTestDatabase.configured()) {
            return ConditionEvaluationResult.enabled("MySQL configured: " + MySqlTestDatabase.url());
        }
        if (MySqlTestDatabase.required()) {
            throw new IllegalStateException("MySQL-backed tests are required (ctk.test.mysql.required=true) "
                    + "but CTK_TEST_MYSQL_URL is not set");
        }
        return ConditionEvaluationResult.disabled("No MySQL configured (set CTK_TEST_MYSQL_URL to run these tests)");
    }
}

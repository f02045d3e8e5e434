package io.github.dqualizer.ctk.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A view of a data source for code that manages its own JDBC transactions (JobRunr's storage) so that it takes part
 * in the caller's Spring transaction instead: inside one, a connection is that transaction's, and the code's commit,
 * rollback, auto-commit switches and close are left to the transaction (it commits or rolls back everything at once).
 * Outside a transaction it hands out ordinary connections.
 */
public final class TransactionBoundDataSource extends DelegatingDataSource {

    /** What the transaction decides, not the code that borrows its connection. */
    private static final Set<String> LEFT_TO_THE_TRANSACTION = Set.of("commit", "rollback", "setAutoCommit", "close");

    public TransactionBoundDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return super.getConnection();
        }
        Connection transactional = DataSourceUtils.getConnection(obtainTargetDataSource());
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (LEFT_TO_THE_TRANSACTION.contains(method.getName())) {
                        return null;
                    }
                    if (method.getName().equals("getAutoCommit")) {
                        return false;
                    }
                    try {
                        return method.invoke(transactional, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

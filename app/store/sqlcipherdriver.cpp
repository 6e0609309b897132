// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlcipherdriver.h"

#include "sqlcipherresult.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sqlite3.h>

namespace stocktake::store {

SqlCipherDriver::SqlCipherDriver(sqlite3 *connection, QObject *parent)
    : QSqlDriver(parent)
    , m_connection(connection)
{
    setOpen(connection != nullptr);
    setOpenError(connection == nullptr);
}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case FinishQuery:
        return true;
    case QuerySize:
    case NamedPlaceholders:  // QSqlResult rewrites :name to ? and keeps the name→slot map
    case BatchOperations:
    case LowPrecisionNumbers:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString &, const QString &, const QString &, const QString &, int, const QString &)
{
    setLastError(QSqlError(tr("Open Stocktake databases with Database::open, which sends the key first."), QString(),
        QSqlError::ConnectionError));
    return false;
}

void SqlCipherDriver::close()
{
    if (!m_connection)
        return;
    for (SqlCipherResult *result : std::as_const(m_results))
        result->finalize();
    // close_v2: should any statement still be alive, the handle becomes a zombie and closes
    // with the last one instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(m_connection);
    m_connection = nullptr;
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::runTransactionStatement(const char *sql, const QString &what)
{
    if (!isOpen() || !m_connection)
        return false;
    char *message = nullptr;
    const int rc = sqlite3_exec(m_connection, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        setLastError(QSqlError(
            what, QString::fromUtf8(message ? message : ""), QSqlError::TransactionError, QString::number(rc)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    // Deferred, as QSQLITE: a reader's transaction must not take the write lock. Writers that
    // need the lock up front use Database::beginWrite() (BEGIN IMMEDIATE).
    return runTransactionStatement("BEGIN", tr("Unable to begin the transaction."));
}

bool SqlCipherDriver::commitTransaction()
{
    return runTransactionStatement("COMMIT", tr("Unable to commit the transaction."));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return runTransactionStatement("ROLLBACK", tr("Unable to roll back the transaction."));
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList out;
    if (!isOpen())
        return out;
    QStringList kinds;
    if (type & QSql::Tables)
        kinds << QStringLiteral("'table'");
    if (type & QSql::Views)
        kinds << QStringLiteral("'view'");
    if (!kinds.isEmpty()) {
        QSqlQuery query(createResult());
        query.setForwardOnly(true);
        if (query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN (%1) AND name NOT LIKE 'sqlite_%' "
                                      "ORDER BY name")
                           .arg(kinds.join(u',')))) {
            while (query.next())
                out.append(query.value(0).toString());
        }
    }
    if (type & QSql::SystemTables)
        out.append(QStringLiteral("sqlite_schema"));
    return out;
}

QSqlRecord SqlCipherDriver::record(const QString &table) const
{
    QSqlRecord out;
    if (!isOpen())
        return out;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(table, TableName))))
        return out;
    while (query.next()) {
        const QByteArray declared = query.value(2).toString().toUtf8();
        const QMetaType type = SqlCipherResult::typeOfDeclared(declared.constData(), SQLITE_BLOB);
        QSqlField field(query.value(1).toString(), type, table);
        field.setRequired(query.value(3).toInt() != 0);
        if (!query.isNull(4))
            field.setDefaultValue(query.value(4));
        field.setAutoValue(query.value(5).toInt() == 1 && declared.toUpper() == "INTEGER");
        out.append(field);
    }
    return out;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &table) const
{
    QSqlIndex index(table);
    if (!isOpen())
        return index;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(table, TableName))))
        return index;
    const QSqlRecord fields = record(table);
    while (query.next()) {
        if (query.value(5).toInt() > 0)
            index.append(fields.field(query.value(1).toString()));
    }
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    if (identifier.size() > 2 && identifier.startsWith(u'"') && identifier.endsWith(u'"'))
        return identifier;
    QString out = identifier;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_connection));
}

}  // namespace stocktake::store

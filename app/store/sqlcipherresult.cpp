// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlcipherresult.h"

#include "sqlcipherdriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlError>
#include <QSqlField>

#include <sqlite3.h>

namespace stocktake::store {

namespace {

bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime *>(value.constData())->isValid();
    case QMetaType::QDate:
        return !static_cast<const QDate *>(value.constData())->isValid();
    default:
        return false;
    }
}

}  // namespace

// SQLite's affinity rules (§3.1 of "Datatypes In SQLite"): an INTEGER column reports qlonglong,
// which is what it holds.
QMetaType SqlCipherResult::typeOfDeclared(const char *declared, int storageClass)
{
    if (declared && *declared) {
        const QByteArray type = QByteArray(declared).toUpper();
        if (type.contains("BOOL"))
            return QMetaType::fromType<bool>();
        if (type.contains("INT"))
            return QMetaType::fromType<qlonglong>();
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"))
            return QMetaType::fromType<QString>();
        if (type.contains("BLOB"))
            return QMetaType::fromType<QByteArray>();
        return QMetaType::fromType<double>();  // REAL, FLOA, DOUB, NUMERIC
    }
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    default:
        return {};
    }
}

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver)
    : QSqlResult(driver)
{
    driver->attach(this);
}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
    if (const SqlCipherDriver *owner = cipherDriver())
        owner->detach(this);
}

const SqlCipherDriver *SqlCipherResult::cipherDriver() const
{
    return static_cast<const SqlCipherDriver *>(driver());
}

sqlite3 *SqlCipherResult::connection() const
{
    const SqlCipherDriver *owner = cipherDriver();
    return owner ? owner->connection() : nullptr;
}

void SqlCipherResult::finalize()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_rows.clear();
    m_current.clear();
    m_pending.clear();
    m_hasPending = false;
    m_done = true;
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_stmt));
}

void SqlCipherResult::fail(const QString &what, int code)
{
    sqlite3 *db = connection();
    const QString text = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
    setLastError(QSqlError(what, text, QSqlError::StatementError, QString::number(code)));
}

bool SqlCipherResult::prepare(const QString &query)
{
    finalize();
    setSelect(false);
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    if (!cipherDriver() || !cipherDriver()->isOpen() || !connection()) {
        setLastError(
            QSqlError(QCoreApplication::translate("stocktake::store::SqlCipherResult", "The database is closed."),
                QString(), QSqlError::ConnectionError));
        return false;
    }
    const void *tail = nullptr;
    const auto bytes = static_cast<int>((query.size() + 1) * static_cast<qsizetype>(sizeof(QChar)));
    const int rc = sqlite3_prepare16_v2(connection(), query.constData(), bytes, &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        fail(QCoreApplication::translate("stocktake::store::SqlCipherResult", "Unable to prepare the statement."),
            sqlite3_extended_errcode(connection()));
        finalize();
        return false;
    }
    if (tail && !QString(static_cast<const QChar *>(tail)).trimmed().isEmpty()) {
        setLastError(QSqlError(
            QCoreApplication::translate("stocktake::store::SqlCipherResult", "One statement at a time, please."),
            QString(), QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        finalize();
        return false;
    }
    return true;
}

bool SqlCipherResult::reset(const QString &query)
{
    return prepare(query) && exec();
}

bool SqlCipherResult::bindAll()
{
    const QList<QVariant> &values = boundValues();
    const int count = sqlite3_bind_parameter_count(m_stmt);
    if (count != values.size()) {
        setLastError(
            QSqlError(QCoreApplication::translate("stocktake::store::SqlCipherResult", "Parameter count mismatch."),
                QStringLiteral("%1 placeholders, %2 values").arg(count).arg(values.size()), QSqlError::StatementError));
        return false;
    }
    for (int i = 0; i < count; ++i) {
        const QVariant &value = values.at(i);
        const int slot = i + 1;
        int rc = SQLITE_OK;
        if (isNullValue(value)) {
            rc = sqlite3_bind_null(m_stmt, slot);
        } else {
            switch (value.typeId()) {
            case QMetaType::QByteArray: {
                // The value lives in boundValues() until the next bind, and every exec rebinds
                // all slots before stepping, so SQLite may read it in place.
                const auto *bytes = static_cast<const QByteArray *>(value.constData());
                rc = sqlite3_bind_blob64(
                    m_stmt, slot, bytes->constData(), static_cast<sqlite3_uint64>(bytes->size()), SQLITE_STATIC);
                break;
            }
            case QMetaType::QString: {
                const auto *text = static_cast<const QString *>(value.constData());
                rc = sqlite3_bind_text16(m_stmt, slot, text->constData(),
                    static_cast<int>(text->size() * static_cast<qsizetype>(sizeof(QChar))), SQLITE_STATIC);
                break;
            }
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::SChar:
            case QMetaType::UChar:
            case QMetaType::Long:
            case QMetaType::LongLong:
                rc = sqlite3_bind_int64(m_stmt, slot, value.toLongLong());
                break;
            case QMetaType::ULong:
            case QMetaType::ULongLong: {
                bool fits = false;
                const qlonglong v = value.toLongLong(&fits);
                rc = fits ? sqlite3_bind_int64(m_stmt, slot, v) : SQLITE_RANGE;
                break;
            }
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, slot, value.toDouble());
                break;
            case QMetaType::QDateTime: {
                // Time is UTC inside Stocktake, stored as ISO 8601 text ("…Z") so it sorts.
                const QDateTime utc = value.toDateTime().toUTC();
                const QByteArray text = utc.toString(utc.time().msec() ? Qt::ISODateWithMs : Qt::ISODate).toUtf8();
                rc = sqlite3_bind_text(m_stmt, slot, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
                break;
            }
            default: {
                const QByteArray text = value.toString().toUtf8();
                rc = sqlite3_bind_text(m_stmt, slot, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
                break;
            }
            }
        }
        if (rc != SQLITE_OK) {
            fail(QCoreApplication::translate("stocktake::store::SqlCipherResult", "Unable to bind a value."), rc);
            return false;
        }
    }
    return true;
}

bool SqlCipherResult::exec()
{
    setLastError(QSqlError());
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    m_rows.clear();
    m_current.clear();
    m_pending.clear();
    m_hasPending = false;
    m_done = false;
    m_changes = -1;
    m_lastInsertId = 0;
    if (!m_stmt) {
        setLastError(QSqlError(QCoreApplication::translate("stocktake::store::SqlCipherResult", "No statement."),
            QString(), QSqlError::StatementError));
        return false;
    }
    sqlite3_reset(m_stmt);
    if (!bindAll())
        return false;
    m_columns = sqlite3_column_count(m_stmt);
    const Step first = step(&m_pending);
    if (first == Step::Failed)
        return false;
    m_hasPending = first == Step::Row;
    m_done = first == Step::Done;
    if (m_columns == 0) {
        m_changes = sqlite3_changes64(connection());
        m_lastInsertId = sqlite3_last_insert_rowid(connection());
    }
    buildRecord(m_hasPending);
    setSelect(m_columns > 0);
    setActive(true);
    return true;
}

SqlCipherResult::Step SqlCipherResult::step(Row *row)
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt);  // ends the read transaction at once, so WAL can checkpoint
        return Step::Done;
    }
    if (rc != SQLITE_ROW) {
        fail(QCoreApplication::translate("stocktake::store::SqlCipherResult", "Unable to run the statement."),
            sqlite3_extended_errcode(connection()));
        sqlite3_reset(m_stmt);
        return Step::Failed;
    }
    if (!row)
        return Step::Row;
    row->resize(static_cast<std::size_t>(m_columns));
    for (int i = 0; i < m_columns; ++i) {
        QVariant &cell = (*row)[static_cast<std::size_t>(i)];
        switch (sqlite3_column_type(m_stmt, i)) {
        case SQLITE_INTEGER:
            cell = QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_stmt, i)));
            break;
        case SQLITE_FLOAT:
            cell = QVariant(sqlite3_column_double(m_stmt, i));
            break;
        case SQLITE_BLOB: {
            const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, i));
            const int size = sqlite3_column_bytes(m_stmt, i);
            cell = QVariant(data ? QByteArray(data, size) : QByteArray(""));
            break;
        }
        case SQLITE_NULL:
            cell = QVariant(typeOfDeclared(sqlite3_column_decltype(m_stmt, i), SQLITE_NULL));
            break;
        default: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
            const int size = sqlite3_column_bytes(m_stmt, i);
            cell = QVariant(text ? QString::fromUtf8(text, size) : QStringLiteral(""));
            break;
        }
        }
    }
    return Step::Row;
}

void SqlCipherResult::buildRecord(bool haveRow)
{
    m_record.clear();
    for (int i = 0; i < m_columns; ++i) {
        const int storage = haveRow ? sqlite3_column_type(m_stmt, i) : SQLITE_NULL;
        const char *table = sqlite3_column_table_name(m_stmt, i);
        QSqlField field(QString::fromUtf8(sqlite3_column_name(m_stmt, i)),
            typeOfDeclared(sqlite3_column_decltype(m_stmt, i), storage), table ? QString::fromUtf8(table) : QString());
        field.setSqlType(storage);
        m_record.append(field);
    }
}

const SqlCipherResult::Row *SqlCipherResult::currentRow() const
{
    if (isForwardOnly())
        return m_current.empty() ? nullptr : &m_current;
    const int row = at();
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

QVariant SqlCipherResult::data(int index)
{
    const Row *row = currentRow();
    if (!row || index < 0 || static_cast<std::size_t>(index) >= row->size())
        return {};
    return (*row)[static_cast<std::size_t>(index)];
}

bool SqlCipherResult::isNull(int index)
{
    const Row *row = currentRow();
    if (!row || index < 0 || static_cast<std::size_t>(index) >= row->size())
        return true;
    return (*row)[static_cast<std::size_t>(index)].isNull();
}

bool SqlCipherResult::fetchNext()
{
    if (!isActive() || !isSelect() || at() == QSql::AfterLastRow)
        return false;
    const auto next = [this](Row *out) {
        if (m_hasPending) {
            *out = std::move(m_pending);
            m_hasPending = false;
            return true;
        }
        if (m_done)
            return false;
        const Step s = step(out);
        m_done = s != Step::Row;
        return s == Step::Row;
    };
    if (isForwardOnly()) {
        if (!next(&m_current)) {
            m_current.clear();
            setAt(QSql::AfterLastRow);
            return false;
        }
        setAt(at() + 1);  // BeforeFirstRow is -1
        return true;
    }
    const int wanted = at() + 1;
    while (m_rows.size() <= static_cast<std::size_t>(wanted)) {
        Row row;
        if (!next(&row)) {
            setAt(QSql::AfterLastRow);
            return false;
        }
        m_rows.push_back(std::move(row));
    }
    setAt(wanted);
    return true;
}

bool SqlCipherResult::fetch(int index)
{
    if (index < 0 || !isActive() || !isSelect())
        return false;
    if (index == at())
        return true;
    if (isForwardOnly()) {
        if (at() != QSql::BeforeFirstRow && index < at())
            return false;
        while (at() < index) {
            if (!fetchNext())
                return false;
        }
        return true;
    }
    if (static_cast<std::size_t>(index) < m_rows.size()) {
        setAt(index);
        return true;
    }
    setAt(static_cast<int>(m_rows.size()) - 1);
    while (at() < index) {
        if (!fetchNext())
            return false;
    }
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect())
        return false;
    if (isForwardOnly()) {
        Row last;
        int index = at();
        bool any = false;
        while (fetchNext()) {
            last = m_current;
            index = at();
            any = true;
        }
        if (!any)
            return false;
        m_current = std::move(last);
        setAt(index);
        return true;
    }
    while (fetchNext()) { }
    if (m_rows.empty())
        return false;
    setAt(static_cast<int>(m_rows.size()) - 1);
    return true;
}

int SqlCipherResult::size()
{
    return -1;
}

int SqlCipherResult::numRowsAffected()
{
    return isSelect() ? -1 : static_cast<int>(m_changes);
}

QSqlRecord SqlCipherResult::record() const
{
    if (!isActive() || !isSelect())
        return {};
    return m_record;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (isActive() && m_lastInsertId != 0)
        return QVariant(m_lastInsertId);
    return {};
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_hasPending = false;
    m_done = true;
}

}  // namespace stocktake::store

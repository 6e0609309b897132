// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "log.h"

#include <QDateTime>
#include <QIODevice>
#include <QMutex>
#include <QRegularExpression>

#include <cstdio>

namespace stocktake::core {

Q_LOGGING_CATEGORY(lcCore, "stocktake.core")

namespace {

struct Rule {
    QRegularExpression pattern;
    QString replacement;
};

// Both statics below are built once and never destroyed on purpose: Qt still logs while the
// process exits (library unloading, at debug level), after function-local statics are gone.
const std::vector<Rule> &rules()
{
    static const std::vector<Rule> *const kRules = new std::vector<Rule>([] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        std::vector<Rule> r;
        // "Authorization: Bearer …" and bare "Bearer …".
        r.push_back({QRegularExpression(QStringLiteral(R"(\bBearer\s+[A-Za-z0-9._~+/=-]+)"), ci),
            QStringLiteral("Bearer <redacted>")});
        // JWTs: three base64url segments, the first starting with a JSON brace ("eyJ").
        r.push_back({QRegularExpression(QStringLiteral(R"(\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)")),
            QStringLiteral("<jwt>")});
        // Secrets as form or query parameters and as JSON members.
        const QString names
            = QStringLiteral("access_token|refresh_token|id_token|code|code_verifier|device_code|user_code|"
                             "client_secret|password|passphrase|key|assertion|state|nonce");
        r.push_back({QRegularExpression(QStringLiteral(R"(\b(%1)=[^&\s"']+)").arg(names), ci),
            QStringLiteral("\\1=<redacted>")});
        r.push_back({QRegularExpression(QStringLiteral(R"re("(%1)"\s*:\s*"[^"]*")re").arg(names), ci),
            QStringLiteral("\"\\1\":\"<redacted>\"")});
        // Raw keys in hex (a 256-bit key is 64 hex digits), including the pragma literal x'…'.
        r.push_back({QRegularExpression(QStringLiteral(R"(\b[0-9A-Fa-f]{32,}\b)")), QStringLiteral("<hex>")});
        // E-mail addresses and UPNs.
        r.push_back({QRegularExpression(QStringLiteral(R"([A-Za-z0-9._%+#-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")),
            QStringLiteral("<email>")});
        return r;
    }());
    return *kRules;
}

struct HandlerState {
    QMutex mutex;
    Verbosity verbosity = Verbosity::Normal;
    QIODevice *file = nullptr;
};

HandlerState &state()
{
    static HandlerState *const s = new HandlerState;
    return *s;
}

bool shownOnStderr(QtMsgType type, Verbosity verbosity)
{
    switch (verbosity) {
    case Verbosity::Quiet:
        return type == QtCriticalMsg || type == QtFatalMsg;
    case Verbosity::Normal:
        return type != QtDebugMsg && type != QtInfoMsg;
    case Verbosity::Verbose:
        return true;
    }
    return true;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "log";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = redact(message);
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    if (shownOnStderr(type, s.verbosity)) {
        const QByteArray line = (category + QStringLiteral(": ") + clean + u'\n').toUtf8();
        // Nothing sensible can be done when stderr is gone.
        (void)std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
        (void)std::fflush(stderr);
    }
    if (s.file) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QByteArray line = (stamp + u' ' + QLatin1StringView(levelName(type)) + u' ' + category
            + QStringLiteral(": ") + clean + u'\n')
                                    .toUtf8();
        s.file->write(line);
    }
}

}  // namespace

QString redact(QString message)
{
    for (const Rule &rule : rules())
        message.replace(rule.pattern, rule.replacement);
    return message;
}

void installMessageHandler(Verbosity verbosity, QIODevice *logFile)
{
    {
        HandlerState &s = state();
        QMutexLocker lock(&s.mutex);
        s.verbosity = verbosity;
        s.file = logFile;
    }
    qInstallMessageHandler(handleMessage);
}

}  // namespace stocktake::core

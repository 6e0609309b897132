// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

class QIODevice;

namespace stocktake::core {

Q_DECLARE_LOGGING_CATEGORY(lcCore)

/// How much goes to standard error.
enum class Verbosity { Quiet, Normal, Verbose };

/// Removes what must never reach a log even if a caller slipped: bearer tokens, JWTs, OAuth
/// codes and refresh tokens in query strings or JSON, long hex strings (keys), and e-mail
/// addresses. The code logs ids only; this is the second line of defence.
[[nodiscard]] QString redact(QString message);

/// Installs the process-wide message handler: every message is redacted, then written as one
/// line to stderr (filtered by verbosity) and, when given, to a log file (always at debug level).
/// The device must outlive the application; pass nullptr for no file.
void installMessageHandler(Verbosity verbosity, QIODevice *logFile = nullptr);

}  // namespace stocktake::core

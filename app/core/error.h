// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace stocktake::core {

/// The process exit codes of CLI.md; every error maps to exactly one.
enum class ExitCode : int {
    Ok = 0,
    Failed = 1,    ///< another reason
    Usage = 2,     ///< bad command line
    SignIn = 3,    ///< sign-in needed or refused
    Service = 4,   ///< the service could not be reached or kept refusing
    Store = 5,     ///< the local store refused (key, keychain, corruption, disk)
    BadInput = 6,  ///< a bad input file
};

/// A typed failure: a stable machine code (`store.wrong_key`), the one plain line a user reads
/// (what happened, what to do), and a detail for the log that never holds secrets or personal data.
struct Error {
    QString code;
    QString userMessage;
    QString detail;
    ExitCode exitCode = ExitCode::Failed;

    [[nodiscard]] bool is(QStringView c) const { return code == c; }
};

/// A value or an Error, in the spirit of std::expected (C++23, not in GCC 12's C++20).
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    { }  // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    { }  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    [[nodiscard]] const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Success or an Error, for operations with no value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace stocktake::core

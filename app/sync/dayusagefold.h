// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace stocktake::graph {
struct SignInView;
}

namespace stocktake::sync {

/// One UTC day's sign-ins folded into usage_daily's rows while they are fetched: per person and
/// app, the successes, the failures and the last successful sign-in. It gives what
/// StoreWriter::foldDay computes from signins_raw, without reading the day back: each event id
/// counts once (the raw table keeps it once), events without a person or an app are left out,
/// app ids are lower case. Only for a day fetched from its start; a day resumed part-way is
/// folded from the table, which holds its earlier part.
///
/// Keys and texts are the page's UTF-8 (a day at 100,000 people is 60,000 events), and the
/// tables keep their buckets from one day to the next. StoreWriter::startDayUsage gives the rows
/// their usage_keys keys when it writes them.
class DayUsageFold {
public:
    /// A time as stored: "yyyy-MM-ddTHH:mm:ssZ", with its ms for comparing.
    struct Instant {
        qint64 ms = 0;
        std::array<char, 20> text {};
        [[nodiscard]] std::string_view view() const { return {text.data(), text.size()}; }
    };
    struct Row {
        std::string userId;
        std::string appId;
        qint64 signIns = 0;
        qint64 failures = 0;
        bool hasLastSignIn = false;
        Instant lastSignIn;  ///< the latest success, when hasLastSignIn
    };
    /// The name an app signed in with, from the newest of its events that named it.
    struct AppName {
        std::string displayName;
        Instant seen;
    };

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view> {}(text); }
    };
    using Names = std::unordered_map<std::string, AppName, Hash, std::equal_to<>>;

    void add(const graph::SignInView &signIn);
    /// The rows, in no particular order: StoreWriter::startDayUsage sorts them by their keys.
    [[nodiscard]] std::vector<const Row *> rows() const;
    /// By app id (lower case): every event counts, with or without a person.
    [[nodiscard]] const Names &appNames() const { return m_names; }
    [[nodiscard]] qsizetype events() const { return qsizetype(m_ids.size()); }
    void clear();

private:
    std::unordered_set<std::string, Hash, std::equal_to<>> m_ids;
    std::unordered_map<std::string, Row, Hash, std::equal_to<>> m_rows;  ///< by userId + '\n' + appId
    Names m_names;
    std::string m_key;  ///< the lookup key, built without a new allocation per event
};

}  // namespace stocktake::sync

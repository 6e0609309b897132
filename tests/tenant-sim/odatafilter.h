// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace stocktake::tenantsim {

/// The part of OData `$filter` Graph's list endpoints take: `eq ne gt ge lt le` on property
/// paths (`from/emailAddress/address`), `and`, `or`, `not`, parentheses, and
/// `contains`/`startswith`/`endswith`. Literals: 'text' ('' escapes a quote), true, false, null,
/// numbers and unquoted ISO dates. Lambdas (`any`, `all`) are refused, as Outlook refuses them.
class ODataFilter {
public:
    ODataFilter();
    ~ODataFilter();
    ODataFilter(ODataFilter &&) noexcept;
    ODataFilter &operator=(ODataFilter &&) noexcept;

    /// Parses `text`; on failure returns nothing and says why in `error`.
    static std::optional<ODataFilter> parse(const QString &text, QString *error);

    /// Evaluates against a rendered object; a path that is absent compares as null.
    [[nodiscard]] bool matches(const QJsonObject &object) const;
    /// Every property path the expression names, in the order they appear.
    [[nodiscard]] QStringList properties() const;

    /// [from, to) on a date property as far as the top-level `and` chain bounds it (each
    /// comparison on whole seconds); open ends stay empty.
    struct Range {
        std::optional<QDateTime> from;
        std::optional<QDateTime> to;
    };
    [[nodiscard]] Range range(const QString &path) const;
    /// True when the expression is only an `and` chain of date comparisons on `path`, so
    /// range() says everything and no object needs evaluating.
    [[nodiscard]] bool isRangeOnly(const QString &path) const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

}  // namespace stocktake::tenantsim

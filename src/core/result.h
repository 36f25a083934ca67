#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Meridian {

// What went wrong, in the operator's words, plus a stable machine code for scripts and tests.
struct Error
{
    QString code;    // e.g. "ParseError", "NotFound", "Unauthorized", "TlsError"
    QString message; // says what failed, where, and what to do next

    friend bool operator==(const Error &, const Error &) = default;
};

// A value or an Error; no exceptions cross a library boundary (ARCHITECTURE.md, "Errors").
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    static Result failure(QString code, QString message)
    {
        return Result(Error{std::move(code), std::move(message)});
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but can fail.
struct Success
{};
using Status = Result<Success>;

inline Status succeeded()
{
    return Status(Success{});
}

} // namespace Meridian

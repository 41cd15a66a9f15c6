#pragma once

#include "common/error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace wxpay {

// Either a value or a typed Error. Functions that can fail return this instead of throwing.
template<typename T> class [[nodiscard]] Result
{
    static_assert(!std::is_same_v<std::decay_t<T>, Error>, "Result<Error> is ambiguous");

public:
    Result(const T& value) : m_data(std::in_place_index<0>, value) { }
    Result(T&& value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(const Error& error) : m_data(std::in_place_index<1>, error) { }
    Result(Error&& error) : m_data(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T* operator->() const { return &std::get<0>(m_data); }
    T* operator->() { return &std::get<0>(m_data); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

    template<typename U> T valueOr(U&& fallback) const
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_data;
};

// Success or a typed Error, for operations without a value.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error& error) : m_error(error), m_failed(true) { }
    Result(Error&& error) : m_error(std::move(error)), m_failed(true) { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace wxpay

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Sdk;

namespace ExchangeSpfAgent.Tests.Configuration;

/// <summary>Compares settings objects property by property, so a new setting is covered without changing the test.</summary>
public static class SettingsAssert
{
    public static void Equivalent(object expected, object actual) => Equivalent(expected, actual, "AgentSettings");

    private static void Equivalent(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null, path + ": expected null, actual '" + actual + "'");
            Assert.True(actual is null, path + ": expected '" + expected + "', actual null");
            return;
        }

        Type type = expected.GetType();
        if (IsScalar(type))
        {
            if (!Equals(expected, actual))
            {
                throw new XunitException($"{path}: expected '{expected}', actual '{actual}'");
            }

            return;
        }

        if (expected is IEnumerable expectedItems and not string && actual is IEnumerable actualItems)
        {
            string[] left = expectedItems.Cast<object>().Select(item => item.ToString() ?? string.Empty).ToArray();
            string[] right = actualItems.Cast<object>().Select(item => item.ToString() ?? string.Empty).ToArray();
            Assert.True(left.SequenceEqual(right), $"{path}: expected [{string.Join(", ", left)}], actual [{string.Join(", ", right)}]");
            return;
        }

        if (type.Namespace is not null && type.Namespace.StartsWith("ExchangeSpfAgent", StringComparison.Ordinal)
            && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length > 0
            && !HasOwnToString(type))
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Equivalent(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
            }

            return;
        }

        Assert.Equal(expected.ToString(), actual.ToString());
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal);

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == type;
}

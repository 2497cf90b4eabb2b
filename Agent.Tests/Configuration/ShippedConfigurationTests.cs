using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using ExchangeSpfAgent.Configuration;
using Xunit;

namespace ExchangeSpfAgent.Tests.Configuration;

/// <summary>The shipped file contains every setting with its default and a comment.</summary>
public sealed class ShippedConfigurationTests
{
    [Fact]
    public void ShippedFileHoldsDefaults()
    {
        AgentSettings settings = AgentConfigurationLoader.Load(ConfigurationXml.ShippedFilePath());

        SettingsAssert.Equivalent(AgentSettings.Default, settings);
    }

    [Fact]
    public void ShippedFileNamesEverySetting()
    {
        XElement root = XDocument.Load(ConfigurationXml.ShippedFilePath()).Root!;

        string[] missing = SettingPaths(typeof(AgentSettings), string.Empty)
            .Where(path => Find(root, path) is null)
            .ToArray();

        Assert.True(missing.Length == 0, "Settings missing from the shipped file: " + string.Join(", ", missing));
    }

    [Fact]
    public void ShippedFileCommentsEverySetting()
    {
        XElement root = XDocument.Load(ConfigurationXml.ShippedFilePath(), LoadOptions.SetLineInfo).Root!;

        string[] uncommented = SettingPaths(typeof(AgentSettings), string.Empty)
            .Select(path => Find(root, path)!)
            .Where(element => element is not null && !HasComment(element))
            .Select(element => element.Name.LocalName + " on line " + ((IXmlLineInfo)element).LineNumber)
            .ToArray();

        Assert.True(uncommented.Length == 0, "Settings without a comment: " + string.Join(", ", uncommented));
    }

    [Fact]
    public void ShippedFileIsInAgentOutput()
    {
        string output = System.IO.Path.Combine(AppContext.BaseDirectory, AgentConfigurationLoader.FileName);

        Assert.True(System.IO.File.Exists(output), "The build does not copy the configuration file to " + output);
    }

    private static bool HasComment(XElement element)
    {
        XNode? previous = element.PreviousNode;
        while (previous is XText)
        {
            previous = previous.PreviousNode;
        }

        return previous is XComment;
    }

    private static XElement? Find(XElement root, string path)
    {
        XElement? current = root;
        foreach (string name in path.Split('/'))
        {
            current = current?.Element(name);
        }

        return current;
    }

    private static IEnumerable<string> SettingPaths(Type type, string prefix)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite)
            {
                continue;
            }

            string path = prefix.Length == 0 ? property.Name : prefix + "/" + property.Name;
            yield return path;
            Type propertyType = property.PropertyType;
            bool isSection = propertyType.IsClass
                && propertyType != typeof(string)
                && !typeof(IEnumerable).IsAssignableFrom(propertyType)
                && propertyType.Namespace!.StartsWith("ExchangeSpfAgent", StringComparison.Ordinal)
                && propertyType.Name != "IPAddressRangeList";
            if (isSection)
            {
                foreach (string child in SettingPaths(propertyType, path))
                {
                    yield return child;
                }
            }
        }
    }
}

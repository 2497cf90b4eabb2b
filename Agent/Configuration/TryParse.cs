namespace ExchangeSpfAgent.Configuration;

/// <summary>Parses the trimmed text of one configuration element.</summary>
/// <returns>False when the text is not a valid value.</returns>
internal delegate bool TryParse<T>(string text, out T value);

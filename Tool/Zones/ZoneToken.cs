namespace ExchangeSpfAgent.Tool.Zones;

/// <summary>
/// One word of a master file entry: the text as written, with backslash escapes still in place and without the
/// quotes of a quoted string.
/// </summary>
internal readonly struct ZoneToken
{
    public ZoneToken(string text, bool isQuoted)
    {
        Text = text;
        IsQuoted = isQuoted;
    }

    public string Text { get; }

    public bool IsQuoted { get; }

    public override string ToString() => IsQuoted ? "\"" + Text + "\"" : Text;
}

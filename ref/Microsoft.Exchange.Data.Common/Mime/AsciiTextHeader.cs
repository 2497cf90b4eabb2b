namespace Microsoft.Exchange.Data.Mime;

/// <summary>A header whose value is US-ASCII text.</summary>
public class AsciiTextHeader : Header
{
#if TEST_RUNTIME
    private string _value;

    public AsciiTextHeader(string name, string value)
        : base(name, GetHeaderId(name))
    {
        _value = value ?? string.Empty;
    }

    public sealed override string Value
    {
        get
        {
            CheckAccess();
            return _value;
        }

        set
        {
            CheckAccess();
            _value = value ?? string.Empty;
        }
    }
#else
    public AsciiTextHeader(string name, string value) => throw ContractStub.NotAvailable();

    public sealed override string Value
    {
        get => throw ContractStub.NotAvailable();
        set => throw ContractStub.NotAvailable();
    }
#endif
}

using System.Collections.Generic;
using System.Net;
using Microsoft.Exchange.Data.Transport.Smtp;

namespace ExchangeSpfAgent.Tests.Harness;

/// <summary>An SMTP session with settable values; every read goes through the event's access guard.</summary>
public sealed class FakeSmtpSession : SmtpSession
{
    private readonly Dictionary<string, object> _properties = new();
    private string _helloDomain = "mail.example.net";
    private IPEndPoint _localEndPoint = new(IPAddress.Parse("192.0.2.25"), 25);
    private IPEndPoint _remoteEndPoint = new(IPAddress.Parse("198.51.100.10"), 41234);
    private IPAddress? _lastExternalIPAddress;
    private AuthenticationSource _authenticationSource = AuthenticationSource.Anonymous;
    private bool _antispamBypass;

    public EventAccessGuard? Guard { get; set; }

    public override string HelloDomain => Read(_helloDomain);

    public override IPEndPoint LocalEndPoint => Read(_localEndPoint);

    public override IPEndPoint RemoteEndPoint => Read(_remoteEndPoint);

    public override IDictionary<string, object> Properties => Read(_properties);

    public override long SessionId => Read(0x08DD0000000001A2L);

    public override bool IsConnected => Read(true);

    public override IPAddress LastExternalIPAddress => Read(_lastExternalIPAddress)!;

    public override AuthenticationSource AuthenticationSource => Read(_authenticationSource);

    public override bool AntispamBypass => Read(_antispamBypass);

    public override bool IsExternalConnection => Read(true);

    public override bool IsTls => Read(false);

    public FakeSmtpSession WithHelo(string helo)
    {
        _helloDomain = helo;
        return this;
    }

    public FakeSmtpSession WithRemote(string address, int port = 41234)
    {
        _remoteEndPoint = new IPEndPoint(IPAddress.Parse(address), port);
        return this;
    }

    public FakeSmtpSession WithLocal(string address, int port)
    {
        _localEndPoint = new IPEndPoint(IPAddress.Parse(address), port);
        return this;
    }

    public FakeSmtpSession WithLastExternal(string? address)
    {
        _lastExternalIPAddress = address is null ? null : IPAddress.Parse(address);
        return this;
    }

    public FakeSmtpSession WithAuthentication(AuthenticationSource source, bool antispamBypass = false)
    {
        _authenticationSource = source;
        _antispamBypass = antispamBypass;
        return this;
    }

    private T Read<T>(T value)
    {
        Guard?.Check();
        return value;
    }
}

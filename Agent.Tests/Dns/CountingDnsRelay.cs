using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// A UDP relay on 127.0.0.1 in front of a DNS server that counts the queries reaching it, per question name.
/// </summary>
/// <remarks>
/// Each datagram is forwarded from its own socket and the response is sent back to the original client.
/// Queries that DnsClient sends over TCP bypass the relay, so tests use it only for responses that fit in UDP.
/// </remarks>
public sealed class CountingDnsRelay : IDisposable
{
    private const int HeaderLength = 12;
    private static readonly TimeSpan s_upstreamTimeout = TimeSpan.FromSeconds(5);

    private readonly UdpClient _socket;
    private readonly IPEndPoint _upstream;
    private readonly Thread _reader;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);

    public CountingDnsRelay(IPEndPoint upstream)
    {
        _upstream = upstream;
        _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
        _reader = new Thread(ReadUntilClosed) { IsBackground = true, Name = "counting DNS relay" };
        _reader.Start();
    }

    /// <summary>The address and port that clients send queries to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Returns how many queries for <paramref name="name"/> (any type, no trailing dot) were relayed.</summary>
    public int CountFor(string name) => _counts.TryGetValue(name, out int count) ? count : 0;

    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join();
    }

    /// <summary>Reads the question name of a query; queries carry no compression pointers.</summary>
    private static string ReadQuestionName(byte[] query)
    {
        var name = new StringBuilder();
        int offset = HeaderLength;
        while (offset < query.Length && query[offset] != 0)
        {
            int length = query[offset];
            if (name.Length > 0)
            {
                name.Append('.');
            }

            name.Append(Encoding.ASCII.GetString(query, offset + 1, Math.Min(length, query.Length - offset - 1)));
            offset += length + 1;
        }

        return name.ToString();
    }

    private void ReadUntilClosed()
    {
        try
        {
            while (true)
            {
                IPEndPoint? client = null;
                byte[] query = _socket.Receive(ref client);
                _counts.AddOrUpdate(ReadQuestionName(query), 1, (_, count) => count + 1);
                _ = Task.Run(() => ForwardAsync(query, client!));
            }
        }
        catch (SocketException)
        {
            // The socket was closed by Dispose.
        }
        catch (ObjectDisposedException)
        {
            // The socket was closed by Dispose.
        }
    }

    private async Task ForwardAsync(byte[] query, IPEndPoint client)
    {
        using var upstream = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await upstream.SendAsync(query, query.Length, _upstream);
        Task<UdpReceiveResult> receive = upstream.ReceiveAsync();
        if (await Task.WhenAny(receive, Task.Delay(s_upstreamTimeout)) != receive)
        {
            return;
        }

        byte[] response = (await receive).Buffer;
        try
        {
            await _socket.SendAsync(response, response.Length, client);
        }
        catch (ObjectDisposedException)
        {
            // The relay was disposed before the upstream response arrived.
        }
    }
}

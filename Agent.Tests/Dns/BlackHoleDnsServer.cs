using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace ExchangeSpfAgent.Tests.Dns;

/// <summary>
/// A UDP socket on 127.0.0.1 that reads every datagram and never responds, so each query to it times out.
/// </summary>
public sealed class BlackHoleDnsServer : IDisposable
{
    private readonly UdpClient _socket;
    private readonly Thread _reader;
    private int _received;

    public BlackHoleDnsServer()
    {
        _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
        _reader = new Thread(ReadUntilClosed) { IsBackground = true, Name = "black-hole DNS" };
        _reader.Start();
    }

    /// <summary>The address and port that swallow queries.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The number of datagrams received so far.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join();
    }

    private void ReadUntilClosed()
    {
        try
        {
            while (true)
            {
                IPEndPoint? sender = null;
                _socket.Receive(ref sender);
                Interlocked.Increment(ref _received);
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
}

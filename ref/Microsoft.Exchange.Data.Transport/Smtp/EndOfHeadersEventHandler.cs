namespace Microsoft.Exchange.Data.Transport.Smtp;

/// <summary>Handles the end of the message headers.</summary>
public delegate void EndOfHeadersEventHandler(ReceiveMessageEventSource source, EndOfHeadersEventArgs e);

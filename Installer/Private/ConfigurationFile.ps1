# Reading and writing lists in the agent's configuration file, ExchangeSpfAgent.config.xml, keeping its comments
# and layout. Element names follow the file shipped with the agent: a list element such as Scope/ConnectorBindings
# contains one item element (Binding, Range) per value.

Set-StrictMode -Version Latest

function Read-AgentConfiguration
{
    <#
    .SYNOPSIS
    Loads a configuration file into an XmlDocument that keeps whitespace and comments.
    #>
    [CmdletBinding()]
    [OutputType([System.Xml.XmlDocument])]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    $document = New-Object -TypeName System.Xml.XmlDocument
    $document.PreserveWhitespace = $true
    $document.XmlResolver = $null
    try
    {
        $document.Load($Path)
    }
    catch
    {
        throw "The configuration file '$Path' could not be read: $($_.Exception.Message) Fix the file or copy ExchangeSpfAgent.config.default.xml over it, then run the script again."
    }

    if ($null -eq $document.DocumentElement -or $document.DocumentElement.Name -ne 'ExchangeSpfAgent')
    {
        throw "The configuration file '$Path' has no ExchangeSpfAgent root element."
    }

    $document
}

function Get-ConfigurationList
{
    <#
    .SYNOPSIS
    Returns the values of a list element, such as the Binding values of Scope/ConnectorBindings.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [System.Xml.XmlDocument] $Document,

        [Parameter(Mandatory)]
        [string] $ListPath,

        [Parameter(Mandatory)]
        [string] $ItemName
    )

    $list = $Document.SelectSingleNode("/ExchangeSpfAgent/$ListPath")
    if ($null -eq $list)
    {
        return @()
    }

    @($list.ChildNodes | Where-Object { $_.NodeType -eq 'Element' -and $_.Name -eq $ItemName } |
        ForEach-Object { $_.InnerText.Trim() })
}

function Set-ConfigurationList
{
    <#
    .SYNOPSIS
    Replaces the items of a list element in the document, creating the section and the list when missing.

    .DESCRIPTION
    Comments inside the list are kept, and the new items are indented one level deeper than the list element.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Xml.XmlDocument] $Document,

        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z]+/[A-Za-z]+$')]
        [string] $ListPath,

        [Parameter(Mandatory)]
        [string] $ItemName,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [string[]] $Value
    )

    $parent = $Document.DocumentElement
    foreach ($name in $ListPath.Split('/'))
    {
        $child = $parent.SelectSingleNode($name)
        if ($null -eq $child)
        {
            $child = Add-ConfigurationElement -Document $Document -Parent $parent -Name $name
        }

        $parent = $child
    }

    $list = $parent
    $listIndent = Get-ElementIndent -Element $list
    foreach ($node in @($list.ChildNodes))
    {
        if ($node.NodeType -ne 'Comment')
        {
            $list.RemoveChild($node) | Out-Null
        }
    }

    foreach ($item in $Value)
    {
        $list.AppendChild($Document.CreateWhitespace("`n$listIndent  ")) | Out-Null
        $element = $Document.CreateElement($ItemName)
        $element.InnerText = $item
        $list.AppendChild($element) | Out-Null
    }

    $list.AppendChild($Document.CreateWhitespace("`n$listIndent")) | Out-Null
}

function Add-ConfigurationElement
{
    <#
    .SYNOPSIS
    Appends an empty element as the last child of a parent element, indented one level deeper than the parent.
    #>
    [CmdletBinding()]
    [OutputType([System.Xml.XmlElement])]
    param(
        [Parameter(Mandatory)]
        [System.Xml.XmlDocument] $Document,

        [Parameter(Mandatory)]
        [System.Xml.XmlElement] $Parent,

        [Parameter(Mandatory)]
        [string] $Name
    )

    $parentIndent = Get-ElementIndent -Element $Parent
    $child = $Document.CreateElement($Name)
    $last = $Parent.LastChild
    if ($null -ne $last -and $last.NodeType -eq 'Whitespace')
    {
        # Keep the whitespace before the parent's end tag last, so the end tag stays on its own line.
        $Parent.InsertBefore($Document.CreateWhitespace("`n$parentIndent  "), $last) | Out-Null
        $Parent.InsertBefore($child, $last) | Out-Null
    }
    else
    {
        $Parent.AppendChild($Document.CreateWhitespace("`n$parentIndent  ")) | Out-Null
        $Parent.AppendChild($child) | Out-Null
        $Parent.AppendChild($Document.CreateWhitespace("`n$parentIndent")) | Out-Null
    }

    $child
}

function Get-ElementIndent
{
    <#
    .SYNOPSIS
    Returns the spaces before an element on its line, from the whitespace node in front of it.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [System.Xml.XmlElement] $Element
    )

    $previous = $Element.PreviousSibling
    if ($null -eq $previous -or ($previous.NodeType -ne 'Whitespace' -and $previous.NodeType -ne 'SignificantWhitespace'))
    {
        return ''
    }

    $text = $previous.Value
    $lineStart = $text.LastIndexOf("`n")
    $text.Substring($lineStart + 1)
}

function Save-AgentConfiguration
{
    <#
    .SYNOPSIS
    Writes the document to the configuration file as UTF-8 through a temporary file, so the agent never reads
    half a file when it reloads the configuration.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [System.Xml.XmlDocument] $Document,

        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $Description
    )

    if (-not $PSCmdlet.ShouldProcess($Path, $Description))
    {
        return $false
    }

    $temporaryPath = "$Path.tmp"
    $settings = New-Object -TypeName System.Xml.XmlWriterSettings
    $settings.Encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false

    # The XML parser turns every line break into LF; the file is written with the platform's line breaks.
    $settings.NewLineChars = [System.Environment]::NewLine
    $settings.NewLineHandling = [System.Xml.NewLineHandling]::Replace
    $writer = [System.Xml.XmlWriter]::Create($temporaryPath, $settings)
    try
    {
        $Document.Save($writer)
    }
    finally
    {
        $writer.Dispose()
    }

    try
    {
        Move-Item -LiteralPath $temporaryPath -Destination $Path -Force -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "The configuration file '$Path' could not be replaced: $($_.Exception.Message) The new content is in '$temporaryPath'; copy it over the file by hand."
    }

    $true
}

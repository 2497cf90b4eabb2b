# Copying the agent's files, unblocking them, folder rights for NETWORK SERVICE and the event log source.

Set-StrictMode -Version Latest

# NETWORK SERVICE, the account of the Exchange transport services, by SID so that localized Windows finds it.
$script:NetworkServiceSid = 'S-1-5-20'

function Get-AgentFilePlan
{
    <#
    .SYNOPSIS
    Compares the package's agent files with the installation folder and returns one entry per file.

    .DESCRIPTION
    Each entry has the source, the destination, the kind (Binary, Configuration or DefaultConfiguration) and
    whether the file must be copied. A configuration file that differs from the package's is never a
    destination: the package's default configuration then goes beside it as ExchangeSpfAgent.config.default.xml. Contract assemblies
    (Microsoft.Exchange.*.dll) are left out, because Exchange loads its own copies.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $SourcePath,

        [Parameter(Mandatory)]
        [string] $Path
    )

    $assemblyPath = Join-Path -Path $SourcePath -ChildPath $script:AgentAssemblyFileName
    if (-not (Test-Path -LiteralPath $assemblyPath -PathType Leaf))
    {
        throw "The agent assembly '$assemblyPath' was not found. Run the script from the extracted package folder, which contains the Agent folder, or pass -SourcePath."
    }

    foreach ($file in Get-ChildItem -LiteralPath $SourcePath -File)
    {
        if ($file.Name -like 'Microsoft.Exchange.*.dll')
        {
            Write-Warning "Skipping '$($file.Name)': Exchange loads its own copy, and a second copy beside the agent would stop it from loading."
            continue
        }

        $kind = 'Binary'
        $destination = Join-Path -Path $Path -ChildPath $file.Name
        if ($file.Name -eq $script:ConfigurationFileName)
        {
            $kind = 'Configuration'
            $customized = (Test-Path -LiteralPath $destination -PathType Leaf) -and
                -not (Test-SameFileContent -Path $file.FullName -OtherPath $destination)
            if ($customized)
            {
                $kind = 'DefaultConfiguration'
                $destination = Join-Path -Path $Path -ChildPath $script:DefaultConfigurationFileName
            }
        }

        [pscustomobject]@{
            Name = $file.Name
            Source = $file.FullName
            Destination = $destination
            Kind = $kind
            Changed = -not (Test-SameFileContent -Path $file.FullName -OtherPath $destination)
        }
    }
}

function Test-SameFileContent
{
    <#
    .SYNOPSIS
    Returns whether both files exist and have the same SHA-256 hash.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $OtherPath
    )

    if (-not (Test-Path -LiteralPath $OtherPath -PathType Leaf))
    {
        return $false
    }

    $hash = (Get-FileHash -LiteralPath $Path -Algorithm SHA256 -ErrorAction Stop).Hash
    $otherHash = (Get-FileHash -LiteralPath $OtherPath -Algorithm SHA256 -ErrorAction Stop).Hash
    $hash -eq $otherHash
}

function New-AgentFolder
{
    <#
    .SYNOPSIS
    Creates a folder unless it exists.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    if (Test-Path -LiteralPath $Path -PathType Container)
    {
        return
    }

    if ($PSCmdlet.ShouldProcess($Path, 'Create folder'))
    {
        try
        {
            New-Item -ItemType Directory -Path $Path -Force -Confirm:$false -ErrorAction Stop | Out-Null
        }
        catch
        {
            throw "The folder '$Path' could not be created: $($_.Exception.Message) Run the script as an administrator or pass another -Path."
        }
    }
}

function Copy-AgentFile
{
    <#
    .SYNOPSIS
    Copies the changed files of a file plan and returns the destinations written.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $Plan
    )

    foreach ($entry in $Plan | Where-Object { $_.Changed })
    {
        if (-not $PSCmdlet.ShouldProcess($entry.Destination, "Copy '$($entry.Source)'"))
        {
            continue
        }

        try
        {
            Copy-Item -LiteralPath $entry.Source -Destination $entry.Destination -Force -Confirm:$false -ErrorAction Stop
        }
        catch
        {
            throw ("Copying '$($entry.Source)' to '$($entry.Destination)' failed: $($_.Exception.Message) A file that " +
                'is in use is still loaded by a transport service: Update-ExchangeSpfAgent.ps1 stops the services before it copies.')
        }

        Write-Verbose "Copied $($entry.Name)."
        $entry.Destination
    }
}

function Unblock-AgentFile
{
    <#
    .SYNOPSIS
    Removes the downloaded-from-the-Internet mark from files, which would stop Exchange from loading them.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [string[]] $Path
    )

    if ($Path.Count -eq 0)
    {
        return
    }

    $folder = Split-Path -Path $Path[0] -Parent
    if (-not $PSCmdlet.ShouldProcess($folder, "Unblock $($Path.Count) files"))
    {
        return
    }

    try
    {
        Unblock-File -LiteralPath $Path -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Unblocking the files in '$folder' failed: $($_.Exception.Message) Unblock them with Get-ChildItem '$folder' | Unblock-File, then run the script again."
    }
}

function Grant-NetworkServiceAccess
{
    <#
    .SYNOPSIS
    Grants NETWORK SERVICE read or modify rights on a folder, inherited by its files and subfolders.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [ValidateSet('Read', 'Modify')]
        [string] $Access
    )

    # icacls rights: RX is read and execute, M is modify; (OI)(CI) makes files and subfolders inherit them.
    $rights = if ($Access -eq 'Read') { 'RX' } else { 'M' }
    $grant = "*$($script:NetworkServiceSid):(OI)(CI)$rights"
    if (-not $PSCmdlet.ShouldProcess($Path, "Grant NETWORK SERVICE $($Access.ToLowerInvariant()) access"))
    {
        return
    }

    $output = & icacls.exe $Path /grant $grant
    if ($LASTEXITCODE -ne 0)
    {
        throw "icacls could not grant NETWORK SERVICE $($Access.ToLowerInvariant()) access to '$Path' (exit code $LASTEXITCODE): $($output -join ' ') Grant it by hand with: icacls `"$Path`" /grant `"$grant`""
    }

    Write-Verbose "Granted NETWORK SERVICE $($Access.ToLowerInvariant()) access to '$Path'."
}

function Register-AgentEventSource
{
    <#
    .SYNOPSIS
    Creates the agent's event source in the Application event log unless it exists.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param()

    if (Test-Path -LiteralPath $script:EventSourceRegistryPath)
    {
        Write-Verbose "The event source $($script:EventSourceName) exists."
        return
    }

    if (-not $PSCmdlet.ShouldProcess("Application event log", "Create event source '$($script:EventSourceName)'"))
    {
        return
    }

    try
    {
        New-EventLog -LogName Application -Source $script:EventSourceName -ErrorAction Stop
    }
    catch
    {
        throw "The event source '$($script:EventSourceName)' could not be created: $($_.Exception.Message) Run the script as an administrator; if the source exists in another event log, remove it there with Remove-EventLog -Source $($script:EventSourceName)."
    }
}

function Get-AgentLogFolder
{
    <#
    .SYNOPSIS
    Returns the log folder that a configuration file sets in Logging/Folder, resolved against the agent folder.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $AgentPath,

        [string] $ConfigurationPath
    )

    $folder = 'Logs'
    if ($ConfigurationPath -and (Test-Path -LiteralPath $ConfigurationPath -PathType Leaf))
    {
        $document = Read-AgentConfiguration -Path $ConfigurationPath
        $node = $document.SelectSingleNode('/ExchangeSpfAgent/Logging/Folder')
        if ($null -ne $node -and -not [string]::IsNullOrWhiteSpace($node.InnerText))
        {
            $folder = $node.InnerText.Trim()
        }
    }

    if ([System.IO.Path]::IsPathRooted($folder))
    {
        return $folder
    }

    Join-Path -Path $AgentPath -ChildPath $folder
}

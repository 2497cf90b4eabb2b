<#
.SYNOPSIS
Builds the net48 release of ExchangeSpfAgent and packs it with the installation scripts into a zip file.

.DESCRIPTION
Does what scripts/pack does, for Windows: the zip, artifacts/pack/ExchangeSpfAgent-<version>.zip, holds one
folder ExchangeSpfAgent-<version> with the agent DLL and its dependencies in Agent (never the
Microsoft.Exchange.* contract assemblies, which Exchange provides), the default configuration, the scripts of
Installer and INSTALL.txt. Returns the zip's path. Needs the .NET SDK (dotnet) on PATH.

.PARAMETER OutputPath
The folder for the zip file. Default: artifacts/pack in the repository.

.EXAMPLE
.\scripts\pack.ps1

Builds and packs, and returns the path of the zip file.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateNotNullOrEmpty()]
    [string] $OutputPath = (Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath (Join-Path -Path 'artifacts' -ChildPath 'pack'))
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = Split-Path -Path $PSScriptRoot -Parent
$project = Join-Path -Path (Join-Path -Path $root -ChildPath 'Agent') -ChildPath 'ExchangeSpfAgent.csproj'
$installer = Join-Path -Path $root -ChildPath 'Installer'

$version = (& dotnet msbuild $project -nologo -getProperty:Version | Out-String).Trim()
if ($LASTEXITCODE -ne 0 -or -not $version)
{
    throw "The Version property of '$project' could not be read; set <Version> in the project file."
}

$name = "ExchangeSpfAgent-$version"
$zipPath = Join-Path -Path $OutputPath -ChildPath "$name.zip"
if (-not $PSCmdlet.ShouldProcess($zipPath, 'Build the agent and create the package'))
{
    return
}

$stage = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ([System.IO.Path]::GetRandomFileName())
try
{
    # A fresh output folder, so that no file left over from an older build reaches the package.
    $bin = Join-Path -Path $stage -ChildPath 'bin'
    & dotnet build $project -c Release -f net48 -nologo -o $bin | Write-Verbose
    if ($LASTEXITCODE -ne 0)
    {
        throw "dotnet build failed with exit code $LASTEXITCODE; run it with -Verbose to see the output."
    }

    $package = Join-Path -Path (Join-Path -Path $stage -ChildPath 'package') -ChildPath $name
    $agentFolder = Join-Path -Path $package -ChildPath 'Agent'
    $privateFolder = Join-Path -Path $package -ChildPath 'Private'
    New-Item -ItemType Directory -Path $agentFolder, $privateFolder -Force | Out-Null

    # The agent and the DLLs it depends on; symbols, XML documentation and binding-redirect files stay out,
    # and so do the contract assemblies, which would stop Exchange from loading its own copies.
    Get-ChildItem -LiteralPath $bin -Filter '*.dll' -File |
        Where-Object { $_.Name -notlike 'Microsoft.Exchange.*' } |
        Copy-Item -Destination $agentFolder

    Copy-Item -LiteralPath (Join-Path -Path (Join-Path -Path $root -ChildPath 'Agent') -ChildPath 'ExchangeSpfAgent.config.xml') -Destination $agentFolder
    $nlogConfiguration = Join-Path -Path (Join-Path -Path $root -ChildPath 'Agent') -ChildPath 'NLog.config'
    if (Test-Path -LiteralPath $nlogConfiguration -PathType Leaf)
    {
        Copy-Item -LiteralPath $nlogConfiguration -Destination $agentFolder
    }

    Get-ChildItem -LiteralPath $installer -Filter '*.ps1' -File | Copy-Item -Destination $package
    Get-ChildItem -LiteralPath (Join-Path -Path $installer -ChildPath 'Private') -Filter '*.ps1' -File | Copy-Item -Destination $privateFolder
    Copy-Item -LiteralPath (Join-Path -Path $installer -ChildPath 'INSTALL.txt') -Destination $package

    New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
    if (Test-Path -LiteralPath $zipPath)
    {
        Remove-Item -LiteralPath $zipPath -Force
    }

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::CreateFromDirectory(
        $package, $zipPath, [System.IO.Compression.CompressionLevel]::Optimal, $true)
}
finally
{
    if (Test-Path -LiteralPath $stage)
    {
        Remove-Item -LiteralPath $stage -Recurse -Force
    }
}

$zipPath

/**
 * The vendor the portal sells for, as its documents name it. Configurable for a real deployment
 * (VENDOR_NAME, VENDOR_ADDRESS with lines separated by `|`); the defaults name the demo vendor.
 */
export function vendorParty(env: NodeJS.ProcessEnv = process.env): { name: string; lines: string[] } {
  return {
    name: env.VENDOR_NAME?.trim() || 'DevTools Vendor s.r.o.',
    lines: (env.VENDOR_ADDRESS?.trim() || 'Na Hřebenech II 1718/10|140 00 Praha 4|Czech Republic')
      .split('|')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

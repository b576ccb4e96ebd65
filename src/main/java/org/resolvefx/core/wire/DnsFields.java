package org.resolvefx.core.wire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/**
 * The declarative field table, modelled on the {@code hf_register_info} array of Wireshark 4.0's
 * packet-dns.c: every Wireshark field the dissector can emit, with tshark's filter id, label, value
 * kind and mask, plus the value-name tables (opcodes, rcodes, types, classes, EDNS options,
 * DNSSEC algorithms) with Wireshark's wording. The walker ({@link Dissector}) only decides where
 * fields sit; what they say comes from here.
 *
 * <p>Deliberate difference from Wireshark: unknown types and classes read "TYPE65280" and
 * "CLASS7" (dnsjava's and dig's wording, RFC 3597) instead of "Unknown (65280)"; the values stay
 * numeric exactly as tshark gives them.
 */
public final class DnsFields {
    private DnsFields() {
    }

    // ---- value names (Wireshark's value_string tables) ----

    static final IntFunction<String> OPCODES = v -> switch (v) {
        case 0 -> "Standard query";
        case 1 -> "Inverse query";
        case 2 -> "Server status request";
        case 4 -> "Zone change notification";
        case 5 -> "Dynamic update";
        case 6 -> "DNS Stateful operations (DSO)";
        default -> null;
    };

    static final IntFunction<String> RCODES = v -> switch (v) {
        case 0 -> "No error";
        case 1 -> "Format error";
        case 2 -> "Server failure";
        case 3 -> "No such name";
        case 4 -> "Not implemented";
        case 5 -> "Refused";
        case 6 -> "Name exists";
        case 7 -> "RRset exists";
        case 8 -> "RRset does not exist";
        case 9 -> "Not authoritative";
        case 10 -> "Name out of zone";
        case 11 -> "DSO-Type not implemented";
        case 16 -> "Bad OPT Version or TSIG Signature Failure";
        case 17 -> "Key not recognized";
        case 18 -> "Signature out of time window";
        case 19 -> "Bad TKEY Mode";
        case 20 -> "Duplicate key name";
        case 21 -> "Algorithm not supported";
        case 22 -> "Bad Truncation";
        case 23 -> "Bad/missing Server Cookie";
        default -> null;
    };

    private static final Map<Integer, String> TYPE_SHORT = new HashMap<>();
    private static final Map<Integer, String> TYPE_LONG = new HashMap<>();

    private static void type(int code, String shortName, String longName) {
        TYPE_SHORT.put(code, shortName);
        TYPE_LONG.put(code, longName);
    }

    static {
        type(0, "Unused", "Unused");
        type(1, "A", "A (Host Address)");
        type(2, "NS", "NS (authoritative Name Server)");
        type(3, "MD", "MD (Mail Destination)");
        type(4, "MF", "MF (Mail Forwarder)");
        type(5, "CNAME", "CNAME (Canonical NAME for an alias)");
        type(6, "SOA", "SOA (Start Of a zone of Authority)");
        type(7, "MB", "MB (MailBox domain name)");
        type(8, "MG", "MG (Mail Group member)");
        type(9, "MR", "MR (Mail Rename domain)");
        type(10, "NULL", "NULL RR");
        type(11, "WKS", "WKS (Well Known Service)");
        type(12, "PTR", "PTR (domain name PoinTeR)");
        type(13, "HINFO", "HINFO (host information)");
        type(14, "MINFO", "MINFO (Mailbox or mail list information)");
        type(15, "MX", "MX (Mail eXchange)");
        type(16, "TXT", "TXT (Text strings)");
        type(17, "RP", "RP (Responsible Person)");
        type(18, "AFSDB", "AFSDB (AFS Data Base location)");
        type(19, "X25", "X25 (XX.25 PSDN address)");
        type(20, "ISDN", "ISDN (ISDN address)");
        type(21, "RT", "RT (Route Through)");
        type(22, "NSAP", "NSAP (NSAP address)");
        type(23, "NSAP-PTR", "NSAP-PTR (NSAP domain name pointer)");
        type(24, "SIG", "SIG (security signature)");
        type(25, "KEY", "KEY (security key)");
        type(26, "PX", "PX (X.400 mail mapping information)");
        type(27, "GPOS", "GPOS (Geographical Position)");
        type(28, "AAAA", "AAAA (IPv6 Address)");
        type(29, "LOC", "LOC (Location Information)");
        type(30, "NXT", "NXT (Next Domain)");
        type(31, "EID", "EID (Endpoint Identifier)");
        type(32, "NIMLOC", "NIMLOC (Nimrod Locator)");
        type(33, "SRV", "SRV (Server Selection)");
        type(34, "ATMA", "ATMA (ATM Address)");
        type(35, "NAPTR", "NAPTR (Naming Authority Pointer)");
        type(36, "KX", "KX (Key Exchanger)");
        type(37, "CERT", "CERT");
        type(38, "A6", "A6 (OBSOLETE - use AAAA)");
        type(39, "DNAME", "DNAME");
        type(40, "SINK", "SINK");
        type(41, "OPT", "OPT");
        type(42, "APL", "APL");
        type(43, "DS", "DS (Delegation Signer)");
        type(44, "SSHFP", "SSHFP (SSH Key Fingerprint)");
        type(45, "IPSECKEY", "IPSECKEY");
        type(46, "RRSIG", "RRSIG (Resource Record Signature)");
        type(47, "NSEC", "NSEC (Next Secure)");
        type(48, "DNSKEY", "DNSKEY (DNS Public Key)");
        type(49, "DHCID", "DHCID");
        type(50, "NSEC3", "NSEC3");
        type(51, "NSEC3PARAM", "NSEC3PARAM");
        type(52, "TLSA", "TLSA");
        type(55, "HIP", "HIP (Host Identity Protocol)");
        type(57, "RKEY", "RKEY");
        type(58, "TALINK", "TALINK (Trust Anchor LINK)");
        type(59, "CDS", "CDS (Child DS)");
        type(60, "CDNSKEY", "CDNSKEY (DNSKEY(s) the Child wants reflected in DS)");
        type(61, "OPENPGPKEY", "OPENPGPKEY (OpenPGP Key)");
        type(62, "CSYNC", "CSYNC (Child-to-Parent Synchronization)");
        type(63, "ZONEMD", "ZONEMD");
        type(64, "SVCB", "SVCB (General Purpose Service Endpoints)");
        type(65, "HTTPS", "HTTPS (HTTPS Specific Service Endpoints)");
        type(99, "SPF", "SPF");
        type(100, "UINFO", "UINFO");
        type(101, "UID", "UID");
        type(102, "GID", "GID");
        type(103, "UNSPEC", "UNSPEC");
        type(104, "NID", "NID (NodeID)");
        type(105, "L32", "L32 (Locator32)");
        type(106, "L64", "L64 (Locator64)");
        type(107, "LP", "LP (Locator FQDN)");
        type(108, "EUI48", "EUI48");
        type(109, "EUI64", "EUI64");
        type(249, "TKEY", "TKEY (Transaction Key)");
        type(250, "TSIG", "TSIG (Transaction Signature)");
        type(251, "IXFR", "IXFR (incremental transfer)");
        type(252, "AXFR", "AXFR (transfer of an entire zone)");
        // Wireshark 4.0 has these two short names swapped; kept so the summary lines match tshark
        type(253, "MAILA", "MAILB (mailbox-related RRs)");
        type(254, "MAILB", "MAILA (mail agent RRs)");
        type(255, "ANY", "* (A request for all records the server/cache has available)");
        type(256, "URI", "URI");
        type(257, "CAA", "CAA (Certification Authority Restriction)");
        type(32768, "TA", "TA (DNSSEC Trust Authorities)");
        type(32769, "DLV", "DLV (DNSSEC Lookaside Validation)");
        type(65281, "WINS", "WINS");
        type(65282, "WINS-R", "WINS-R");
        type(65422, "XPF", "XPF");
    }

    /** Short type name as in Wireshark's summary lines ("A", "NS"); dnsjava's "TYPE65280" for unknown ones. */
    public static String typeName(int type) {
        String s = TYPE_SHORT.get(type);
        return s != null ? s : Type.string(type);
    }

    static final IntFunction<String> TYPE_DESCRIPTIONS = TYPE_LONG::get;
    static final IntFunction<String> UNKNOWN_TYPE = Type::string;

    static final IntFunction<String> CLASSES = v -> switch (v) {
        case 1 -> "IN";
        case 2 -> "CS";
        case 3 -> "CH";
        case 4 -> "HS";
        case 254 -> "NONE";
        case 255 -> "ANY";
        default -> null;
    };
    static final IntFunction<String> UNKNOWN_CLASS = DClass::string;

    /** Class name as in summary lines ("IN"); dnsjava's "CLASS7" for unknown ones. */
    public static String className(int dclass) {
        String s = CLASSES.apply(dclass);
        return s != null ? s : DClass.string(dclass);
    }

    static final IntFunction<String> EDNS_OPTIONS = v -> switch (v) {
        case 0 -> "Reserved";
        case 1 -> "LLQ - Long-lived query";
        case 2 -> "UL - Update lease";
        case 3 -> "NSID - Name Server Identifier";
        case 4 -> "Owner (reserved)";
        case 5 -> "DAU - DNSSEC Algorithm Understood (RFC6975)";
        case 6 -> "DHU - DS Hash Understood (RFC6975)";
        case 7 -> "N3U - NSEC3 Hash Understood (RFC6975)";
        case 0x50fa -> "Experimental - CSUBNET - Client subnet";
        case 8 -> "CSUBNET - Client subnet";
        case 9 -> "EDNS EXPIRE (RFC7314)";
        case 10 -> "COOKIE";
        case 11 -> "EDNS TCP Keepalive";
        case 12 -> "PADDING";
        case 13 -> "CHAIN";
        case 15 -> "Extended DNS Error";
        default -> null;
    };

    static final IntFunction<String> DNSSEC_ALGORITHMS = v -> switch (v) {
        case 1 -> "RSA/MD5";
        case 2 -> "Diffie-Hellman";
        case 3 -> "DSA";
        case 4 -> "Elliptic curve crypto";
        case 5 -> "RSA/SHA1";
        case 6 -> "DSA + NSEC3/SHA1";
        case 7 -> "RSA/SHA1 + NSEC3/SHA1";
        case 8 -> "RSA/SHA-256";
        case 10 -> "RSA/SHA-512";
        case 12 -> "GOST R 34.10-2001";
        case 13 -> "ECDSA Curve P-256 with SHA-256";
        case 14 -> "ECDSA Curve P-386 with SHA-386";
        case 15 -> "Ed25519";
        case 16 -> "Ed448";
        case 157 -> "HMAC/MD5";
        case 252 -> "Indirect key";
        case 253 -> "Private, domain name";
        case 254 -> "Private, OID";
        default -> null;
    };

    static final IntFunction<String> DS_DIGESTS = v -> switch (v) {
        case 0 -> "Reserved digest";
        case 1 -> "SHA-1";
        case 2 -> "SHA-256";
        case 3 -> "GOST R 34.11-94";
        case 4 -> "SHA-384";
        default -> null;
    };

    static final IntFunction<String> ADDRESS_FAMILIES = v -> switch (v) {
        case 1 -> "IPv4";
        case 2 -> "IPv6";
        default -> null;
    };

    static final IntFunction<String> EXTENDED_ERRORS = v -> {
        String[] names = {"Other Error", "Unsupported DNSKEY Algorithm", "Unsupported DS Digest Type",
            "Stale Answer", "Forged Answer", "DNSSEC Indeterminate", "DNSSEC Bogus", "Signature Expired",
            "Signature Not Yet Valid", "DNSKEY Missing", "RRSIGs Missing", "No Zone Key Bit Set", "NSEC Missing",
            "Cached Error", "Not Ready", "Blocked", "Censored", "Filtered", "Prohibited", "Stale NXDomain Answer",
            "Not Authoritative", "Not Supported", "No Reachable Authority", "Network Error", "Invalid Data",
            "Signature Expired before Valid", "Too Early", "Unsupported NSEC3 Iterations Value",
            "Unable to conform to policy", "Synthesized"};
        if (v >= 0 && v < names.length) {
            return names[v];
        }
        return v < 49152 ? "Unassigned" : "Reserved for Private Use";
    };


    // ---- header ----
    public static final FieldDef ID = hexField("dns.id", "Transaction ID", 2);
    public static final FieldDef FLAGS = hexField("dns.flags", "Flags", 2).withSuffix(DnsFields::flagsSummary);
    public static final FieldDef FLAG_RESPONSE = FieldDef.flag("dns.flags.response", "Response", 2, 0x8000,
            "Message is a response", "Message is a query");
    public static final FieldDef FLAG_OPCODE = FieldDef.bits("dns.flags.opcode", "Opcode", FieldKind.UINT_DEC, 2,
            0x7800, OPCODES);
    public static final FieldDef FLAG_AUTHORITATIVE = FieldDef.flag("dns.flags.authoritative", "Authoritative", 2,
            0x0400, "Server is an authority for domain", "Server is not an authority for domain");
    public static final FieldDef FLAG_TRUNCATED = FieldDef.flag("dns.flags.truncated", "Truncated", 2, 0x0200,
            "Message is truncated", "Message is not truncated");
    public static final FieldDef FLAG_RECDESIRED = FieldDef.flag("dns.flags.recdesired", "Recursion desired", 2,
            0x0100, "Do query recursively", "Don't do query recursively");
    public static final FieldDef FLAG_RECAVAIL = FieldDef.flag("dns.flags.recavail", "Recursion available", 2,
            0x0080, "Server can do recursive queries", "Server can't do recursive queries");
    public static final FieldDef FLAG_Z = FieldDef.flag("dns.flags.z", "Z", 2, 0x0040,
            "reserved - incorrect!", "reserved (0)");
    public static final FieldDef FLAG_AUTHENTICATED = FieldDef.flag("dns.flags.authenticated",
            "Answer authenticated", 2, 0x0020, "Answer/authority portion was authenticated by the server",
            "Answer/authority portion was not authenticated by the server");
    /** The AD bit in a query: Wireshark shows it only when set, under the same filter id. */
    public static final FieldDef FLAG_AD = FieldDef.flag("dns.flags.authenticated", "AD bit", 2, 0x0020,
            "Set", "Not set");
    public static final FieldDef FLAG_CHECKDISABLE = FieldDef.flag("dns.flags.checkdisable",
            "Non-authenticated data", 2, 0x0010, "Acceptable", "Unacceptable");
    public static final FieldDef FLAG_RCODE = FieldDef.bits("dns.flags.rcode", "Reply code", FieldKind.UINT_DEC, 2,
            0x000F, RCODES);
    public static final FieldDef COUNT_QUERIES = FieldDef.dec("dns.count.queries", "Questions", 2);
    public static final FieldDef COUNT_ZONES = FieldDef.dec("dns.count.zones", "Zones", 2);
    public static final FieldDef COUNT_ANSWERS = FieldDef.dec("dns.count.answers", "Answer RRs", 2);
    public static final FieldDef COUNT_PREREQUISITES = FieldDef.dec("dns.count.prerequisites", "Prerequisites", 2);
    public static final FieldDef COUNT_AUTH = FieldDef.dec("dns.count.auth_rr", "Authority RRs", 2);
    public static final FieldDef COUNT_UPDATES = FieldDef.dec("dns.count.updates", "Updates", 2);
    public static final FieldDef COUNT_ADD = FieldDef.dec("dns.count.add_rr", "Additional RRs", 2);

    // ---- question ----
    public static final FieldDef QRY_NAME = FieldDef.of("dns.qry.name", "Name", FieldKind.STRING);
    public static final FieldDef QRY_NAME_LEN = FieldDef.dec("dns.qry.name.len", "Name Length", 2);
    public static final FieldDef COUNT_LABELS = FieldDef.dec("dns.count.labels", "Label Count", 2);
    public static final FieldDef QRY_TYPE = FieldDef.dec("dns.qry.type", "Type", 2, TYPE_DESCRIPTIONS, UNKNOWN_TYPE);
    public static final FieldDef QRY_CLASS = new FieldDef("dns.qry.class", "Class", FieldKind.UINT_HEX, 2, 0,
            CLASSES, UNKNOWN_CLASS, null, null);

    // ---- resource record ----
    public static final FieldDef RR_NAME = FieldDef.of("dns.resp.name", "Name", FieldKind.STRING);
    public static final FieldDef SRV_SERVICE = FieldDef.of("dns.srv.service", "Service", FieldKind.STRING);
    public static final FieldDef SRV_PROTO = FieldDef.of("dns.srv.proto", "Protocol", FieldKind.STRING);
    public static final FieldDef SRV_NAME = FieldDef.of("dns.srv.name", "Name", FieldKind.STRING);
    public static final FieldDef RR_TYPE = FieldDef.dec("dns.resp.type", "Type", 2, TYPE_DESCRIPTIONS, UNKNOWN_TYPE);
    public static final FieldDef RR_CLASS = new FieldDef("dns.resp.class", "Class", FieldKind.UINT_HEX, 2, 0,
            CLASSES, UNKNOWN_CLASS, null, null);
    public static final FieldDef RR_TTL = FieldDef.dec("dns.resp.ttl", "Time to live", 4).withSuffix(DnsFields::duration);
    public static final FieldDef RR_LEN = FieldDef.dec("dns.resp.len", "Data length", 2);

    // ---- OPT pseudo-record ----
    public static final FieldDef OPT_UDP_PAYLOAD = FieldDef.dec("dns.rr.udp_payload_size", "UDP payload size", 2);
    public static final FieldDef OPT_EXT_RCODE = FieldDef.hex("dns.resp.ext_rcode", "Higher bits in extended RCODE", 1);
    public static final FieldDef OPT_VERSION = FieldDef.dec("dns.resp.edns0_version", "EDNS0 version", 1);
    public static final FieldDef OPT_Z = FieldDef.hex("dns.resp.z", "Z", 2);
    public static final FieldDef OPT_Z_DO = FieldDef.flag("dns.resp.z.do", "DO bit", 2, 0x8000,
            "Accepts DNSSEC security RRs", "Cannot handle DNSSEC security RRs");
    public static final FieldDef OPT_Z_RESERVED = FieldDef.bits("dns.resp.z.reserved", "Reserved", FieldKind.UINT_HEX,
            2, 0x7FFF, null);
    public static final FieldDef OPT = FieldDef.of("dns.opt", "Option", FieldKind.NONE);
    public static final FieldDef OPT_CODE = FieldDef.dec("dns.opt.code", "Option Code", 2, EDNS_OPTIONS, null);
    public static final FieldDef OPT_LEN = FieldDef.dec("dns.opt.len", "Option Length", 2);
    public static final FieldDef OPT_DATA = FieldDef.of("dns.opt.data", "Option Data", FieldKind.BYTES);
    public static final FieldDef OPT_COOKIE_CLIENT = FieldDef.of("dns.opt.cookie.client", "Client Cookie", FieldKind.BYTES);
    public static final FieldDef OPT_COOKIE_SERVER = FieldDef.of("dns.opt.cookie.server", "Server Cookie", FieldKind.BYTES);
    public static final FieldDef OPT_PADDING = FieldDef.of("dns.opt.padding", "Padding", FieldKind.BYTES);
    public static final FieldDef OPT_CLIENT_FAMILY = FieldDef.dec("dns.opt.client.family", "Family", 2,
            ADDRESS_FAMILIES, null);
    public static final FieldDef OPT_CLIENT_NETMASK = FieldDef.dec("dns.opt.client.netmask", "Source Netmask", 1);
    public static final FieldDef OPT_CLIENT_SCOPE = FieldDef.dec("dns.opt.client.scope", "Scope Netmask", 1);
    public static final FieldDef OPT_CLIENT_ADDR = FieldDef.of("dns.opt.client.addr", "Client Subnet", FieldKind.BYTES);
    public static final FieldDef OPT_CLIENT_ADDR4 = FieldDef.of("dns.opt.client.addr4", "Client Subnet", FieldKind.IPV4);
    public static final FieldDef OPT_CLIENT_ADDR6 = FieldDef.of("dns.opt.client.addr6", "Client Subnet", FieldKind.IPV6);
    public static final FieldDef OPT_TCP_KEEPALIVE = FieldDef.dec("dns.opt.edns_tcp_keepalive.timeout", "Timeout", 2);
    public static final FieldDef OPT_EXT_ERROR_CODE = FieldDef.dec("dns.opt.ext_error.info_code", "Info Code", 2,
            EXTENDED_ERRORS, null);
    public static final FieldDef OPT_EXT_ERROR_TEXT = FieldDef.of("dns.opt.ext_error.extra_text", "Extra Text",
            FieldKind.STRING);

    // ---- rdata ----
    public static final FieldDef A = FieldDef.of("dns.a", "Address", FieldKind.IPV4);
    public static final FieldDef AAAA = FieldDef.of("dns.aaaa", "AAAA Address", FieldKind.IPV6);
    public static final FieldDef NS = FieldDef.of("dns.ns", "Name Server", FieldKind.STRING);
    public static final FieldDef MD = FieldDef.of("dns.md", "Mail Destination", FieldKind.STRING);
    public static final FieldDef MF = FieldDef.of("dns.mf", "Mail Forwarder", FieldKind.STRING);
    public static final FieldDef MB = FieldDef.of("dns.mb", "MailBox Domaine", FieldKind.STRING);
    public static final FieldDef MG = FieldDef.of("dns.mg", "Mail Group member", FieldKind.STRING);
    public static final FieldDef MR = FieldDef.of("dns.mr", "Mail Rename domaine", FieldKind.STRING);
    public static final FieldDef NULL_DATA = FieldDef.of("dns.null", "Null (data)", FieldKind.BYTES);
    public static final FieldDef CNAME = FieldDef.of("dns.cname", "CNAME", FieldKind.STRING);
    public static final FieldDef DNAME = FieldDef.of("dns.dname", "Dname", FieldKind.STRING);
    public static final FieldDef PTR = FieldDef.of("dns.ptr.domain_name", "Domain Name", FieldKind.STRING);
    public static final FieldDef SOA_MNAME = FieldDef.of("dns.soa.mname", "Primary name server", FieldKind.STRING);
    public static final FieldDef SOA_RNAME = FieldDef.of("dns.soa.rname", "Responsible authority's mailbox",
            FieldKind.STRING);
    public static final FieldDef SOA_SERIAL = FieldDef.dec("dns.soa.serial_number", "Serial Number", 4);
    public static final FieldDef SOA_REFRESH = FieldDef.dec("dns.soa.refresh_interval", "Refresh Interval", 4)
            .withSuffix(DnsFields::duration);
    public static final FieldDef SOA_RETRY = FieldDef.dec("dns.soa.retry_interval", "Retry Interval", 4)
            .withSuffix(DnsFields::duration);
    public static final FieldDef SOA_EXPIRE = FieldDef.dec("dns.soa.expire_limit", "Expire limit", 4)
            .withSuffix(DnsFields::duration);
    public static final FieldDef SOA_MINIMUM = FieldDef.dec("dns.soa.minimum_ttl", "Minimum TTL", 4)
            .withSuffix(DnsFields::duration);
    public static final FieldDef HINFO_CPU_LEN = FieldDef.dec("dns.hinfo.cpu_length", "CPU Length", 1);
    public static final FieldDef HINFO_CPU = FieldDef.of("dns.hinfo.cpu", "CPU", FieldKind.STRING);
    public static final FieldDef HINFO_OS_LEN = FieldDef.dec("dns.hinfo.os_length", "OS Length", 1);
    public static final FieldDef HINFO_OS = FieldDef.of("dns.hinfo.os", "OS", FieldKind.STRING);
    public static final FieldDef MINFO_R = FieldDef.of("dns.minfo.r", "Responsible Mailbox", FieldKind.STRING);
    public static final FieldDef MINFO_E = FieldDef.of("dns.minfo.e", "Error Mailbox", FieldKind.STRING);
    public static final FieldDef MX_PREFERENCE = FieldDef.dec("dns.mx.preference", "Preference", 2);
    public static final FieldDef MX_EXCHANGE = FieldDef.of("dns.mx.mail_exchange", "Mail Exchange", FieldKind.STRING);
    public static final FieldDef TXT_LEN = FieldDef.dec("dns.txt.length", "TXT Length", 1);
    public static final FieldDef TXT = FieldDef.of("dns.txt", "TXT", FieldKind.STRING);
    public static final FieldDef SPF_LEN = FieldDef.dec("dns.spf.length", "SPF Length", 1);
    public static final FieldDef SPF = FieldDef.of("dns.spf", "SPF", FieldKind.STRING);
    public static final FieldDef SRV_PRIORITY = FieldDef.dec("dns.srv.priority", "Priority", 2);
    public static final FieldDef SRV_WEIGHT = FieldDef.dec("dns.srv.weight", "Weight", 2);
    public static final FieldDef SRV_PORT = FieldDef.dec("dns.srv.port", "Port", 2);
    public static final FieldDef SRV_TARGET = FieldDef.of("dns.srv.target", "Target", FieldKind.STRING);
    public static final FieldDef DS_KEY_ID = FieldDef.hex("dns.ds.key_id", "Key id", 2);
    public static final FieldDef DS_ALGORITHM = FieldDef.dec("dns.ds.algorithm", "Algorithm", 1, DNSSEC_ALGORITHMS, null);
    public static final FieldDef DS_DIGEST_TYPE = FieldDef.dec("dns.ds.digest_type", "Digest Type", 1, DS_DIGESTS, null);
    public static final FieldDef DS_DIGEST = FieldDef.of("dns.ds.digest", "Digest", FieldKind.BYTES);
    public static final FieldDef RRSIG_TYPE_COVERED = FieldDef.dec("dns.rrsig.type_covered", "Type Covered", 2,
            TYPE_DESCRIPTIONS, UNKNOWN_TYPE);
    public static final FieldDef RRSIG_ALGORITHM = FieldDef.dec("dns.rrsig.algorithm", "Algorithm", 1,
            DNSSEC_ALGORITHMS, null);
    public static final FieldDef RRSIG_LABELS = FieldDef.dec("dns.rrsig.labels", "Labels", 1);
    public static final FieldDef RRSIG_ORIGINAL_TTL = FieldDef.dec("dns.rrsig.original_ttl", "Original TTL", 4)
            .withSuffix(DnsFields::duration);
    public static final FieldDef RRSIG_EXPIRATION = FieldDef.of("dns.rrsig.signature_expiration",
            "Signature Expiration", FieldKind.TIME_ABS);
    public static final FieldDef RRSIG_INCEPTION = FieldDef.of("dns.rrsig.signature_inception",
            "Signature Inception", FieldKind.TIME_ABS);
    public static final FieldDef RRSIG_KEY_TAG = FieldDef.dec("dns.rrsig.key_tag", "Key Tag", 2);
    public static final FieldDef RRSIG_SIGNER = FieldDef.of("dns.rrsig.signers_name", "Signer's name", FieldKind.STRING);
    public static final FieldDef RRSIG_SIGNATURE = FieldDef.of("dns.rrsig.signature", "Signature", FieldKind.BYTES);
    public static final FieldDef NSEC_NEXT = FieldDef.of("dns.nsec.next_domain_name", "Next Domain Name",
            FieldKind.STRING);
    public static final FieldDef DNSKEY_FLAGS = FieldDef.hex("dns.dnskey.flags", "Flags", 2);
    public static final FieldDef DNSKEY_ZONE_KEY = FieldDef.flag("dns.dnskey.flags.zone_key", "Zone Key", 2, 0x0100,
            "This is the zone key for specified zone", "This it not a zone key");
    public static final FieldDef DNSKEY_REVOKED = FieldDef.flag("dns.dnskey.flags.key_revoked", "Key Revoked", 2,
            0x0080, "Yes", "No");
    public static final FieldDef DNSKEY_SEP = FieldDef.flag("dns.dnskey.flags.secure_entry_point", "Key Signing Key",
            2, 0x0001, "Yes", "No");
    public static final FieldDef DNSKEY_RESERVED = FieldDef.bits("dns.dnskey.flags.reserved", "Key Signing Key",
            FieldKind.UINT_HEX, 2, 0xFE7E, null);
    public static final FieldDef DNSKEY_PROTOCOL = FieldDef.dec("dns.dnskey.protocol", "Protocol", 1);
    public static final FieldDef DNSKEY_ALGORITHM = FieldDef.dec("dns.dnskey.algorithm", "Algorithm", 1,
            DNSSEC_ALGORITHMS, null);
    public static final FieldDef DNSKEY_KEY_ID = FieldDef.dec("dns.dnskey.key_id", "Key id", 2);
    public static final FieldDef DNSKEY_PUBLIC_KEY = FieldDef.of("dns.dnskey.public_key", "Public Key", FieldKind.BYTES);
    public static final FieldDef CAA_FLAGS = FieldDef.hex("dns.caa.flags", "CAA Flags", 1);
    public static final FieldDef CAA_CRITICAL = FieldDef.flag("dns.caa.flags.issuer_critical", "Issuer Critical", 1,
            0x80, "Critical", "Not critical");
    public static final FieldDef CAA_ISSUE = FieldDef.of("dns.caa.issue", "Issue", FieldKind.STRING);
    public static final FieldDef CAA_ISSUEWILD = FieldDef.of("dns.caa.issuewild", "Issue Wildcard", FieldKind.STRING);
    public static final FieldDef CAA_IODEF = FieldDef.of("dns.caa.iodef", "Report URL", FieldKind.STRING);
    public static final FieldDef CAA_UNKNOWN = FieldDef.of("dns.caa.unknown", "Unknown tag", FieldKind.STRING);
    public static final FieldDef CAA_TAG_LEN = FieldDef.dec("dns.caa.tag_length", "Tag length", 1);
    public static final FieldDef CAA_TAG = FieldDef.of("dns.caa.tag", "Tag", FieldKind.STRING);
    public static final FieldDef CAA_VALUE = FieldDef.of("dns.caa.value", "Value", FieldKind.STRING);
    /** A type bit in an NSEC bitmap: Wireshark reuses dns.resp.type on one byte. */
    public static final FieldDef BITMAP_TYPE = FieldDef.dec("dns.resp.type", "Type", 2, TYPE_DESCRIPTIONS, UNKNOWN_TYPE);
    /** Rdata of types decoded no further. */
    public static final FieldDef DATA = FieldDef.of("dns.data", "Data", FieldKind.BYTES);
    public static final FieldDef EXTRANEOUS_DATA = FieldDef.of("dns.extraneous.data", "Extraneous Data Bytes",
            FieldKind.BYTES);
    public static final FieldDef EXTRANEOUS_LENGTH = FieldDef.dec("dns.extraneous.length", "Extraneous Data Length", 4);

    // ---- ResolveFX groupings and teaching additions (no Wireshark filter name) ----
    public static final String QUERIES = "resolvefx.queries";
    public static final String ANSWERS = "resolvefx.answers";
    public static final String AUTHORITIES = "resolvefx.authorities";
    public static final String ADDITIONALS = "resolvefx.additionals";
    public static final String QUERY = "resolvefx.query";
    public static final String RR = "resolvefx.rr";
    public static final String EXTRANEOUS = "resolvefx.extraneous";
    public static final String NAME_LABEL = "resolvefx.name.label";
    public static final String NAME_POINTER = "resolvefx.name.pointer";
    public static final String NAME_ROOT = "resolvefx.name.root";
    public static final String OPT_SUBTREE = "resolvefx.opt";

    /** Every Wireshark field of the table, in the order of the declarations above. */
    public static final List<FieldDef> ALL = List.of(ID, FLAGS, FLAG_RESPONSE, FLAG_OPCODE, FLAG_AUTHORITATIVE,
            FLAG_TRUNCATED, FLAG_RECDESIRED, FLAG_RECAVAIL, FLAG_Z, FLAG_AUTHENTICATED, FLAG_AD, FLAG_CHECKDISABLE,
            FLAG_RCODE, COUNT_QUERIES, COUNT_ZONES, COUNT_ANSWERS, COUNT_PREREQUISITES, COUNT_AUTH, COUNT_UPDATES,
            COUNT_ADD, QRY_NAME, QRY_NAME_LEN, COUNT_LABELS, QRY_TYPE, QRY_CLASS, RR_NAME, SRV_SERVICE, SRV_PROTO,
            SRV_NAME, RR_TYPE, RR_CLASS, RR_TTL, RR_LEN, OPT_UDP_PAYLOAD, OPT_EXT_RCODE, OPT_VERSION, OPT_Z,
            OPT_Z_DO, OPT_Z_RESERVED, OPT, OPT_CODE, OPT_LEN, OPT_DATA, OPT_COOKIE_CLIENT, OPT_COOKIE_SERVER,
            OPT_PADDING, OPT_CLIENT_FAMILY, OPT_CLIENT_NETMASK, OPT_CLIENT_SCOPE, OPT_CLIENT_ADDR, OPT_CLIENT_ADDR4,
            OPT_CLIENT_ADDR6, OPT_TCP_KEEPALIVE, OPT_EXT_ERROR_CODE, OPT_EXT_ERROR_TEXT, A, AAAA, NS, MD, MF, MB, MG,
            MR, NULL_DATA, CNAME, DNAME, PTR, SOA_MNAME, SOA_RNAME, SOA_SERIAL, SOA_REFRESH, SOA_RETRY, SOA_EXPIRE,
            SOA_MINIMUM, HINFO_CPU_LEN, HINFO_CPU, HINFO_OS_LEN, HINFO_OS, MINFO_R, MINFO_E, MX_PREFERENCE,
            MX_EXCHANGE, TXT_LEN, TXT, SPF_LEN, SPF, SRV_PRIORITY, SRV_WEIGHT, SRV_PORT, SRV_TARGET, DS_KEY_ID,
            DS_ALGORITHM, DS_DIGEST_TYPE, DS_DIGEST, RRSIG_TYPE_COVERED, RRSIG_ALGORITHM, RRSIG_LABELS,
            RRSIG_ORIGINAL_TTL, RRSIG_EXPIRATION, RRSIG_INCEPTION, RRSIG_KEY_TAG, RRSIG_SIGNER, RRSIG_SIGNATURE,
            NSEC_NEXT, DNSKEY_FLAGS, DNSKEY_ZONE_KEY, DNSKEY_REVOKED, DNSKEY_SEP, DNSKEY_RESERVED, DNSKEY_PROTOCOL,
            DNSKEY_ALGORITHM, DNSKEY_KEY_ID, DNSKEY_PUBLIC_KEY, CAA_FLAGS, CAA_CRITICAL, CAA_ISSUE, CAA_ISSUEWILD,
            CAA_IODEF, CAA_UNKNOWN, CAA_TAG_LEN, CAA_TAG, CAA_VALUE, DATA, EXTRANEOUS_DATA, EXTRANEOUS_LENGTH);

    /** " (6 days)": Wireshark appends the duration to TTLs and SOA timers. */
    static String duration(long seconds) {
        return " (" + WireText.duration(seconds) + ")";
    }

    /** " Standard query response, No error": what Wireshark appends to the Flags line. */
    static String flagsSummary(long flags) {
        int opcode = (int) (flags >> 11) & 0xF;
        String op = OPCODES.apply(opcode);
        String text = " " + (op != null ? op : "Unknown operation");
        if ((flags & 0x8000) != 0) {
            String rc = RCODES.apply((int) flags & 0xF);
            text += " response, " + (rc != null ? rc : "Unknown error");
        }
        return text;
    }

    private static FieldDef hexField(String id, String label, int width) {
        return FieldDef.hex(id, label, width);
    }
}

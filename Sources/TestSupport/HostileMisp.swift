/// A MISP event whose attributes are each bad in their own way: an unknown type, an empty
/// value, a value of `valueBytes` bytes, escapes in `data`, an escape sequence in a URL, a
/// `Tag` that is not a list, an attribute that is a string, one without a type, a tag with a
/// control character. For the reader's and the screen's tests alike.
public enum HostileMisp {
    public static func event(valueBytes: Int) -> String {
        let big = String(repeating: "A", count: valueBytes)
        return """
            {"Event": {"uuid": "5b9b7f0e-0000-4000-8000-000000000001", "info": "bad attributes", "date": "2024-01-02",
             "Orgc": {"name": "Test Org"},
             "Tag": [{"name": "tlp:green"}, {"name": 42}, "not-an-object", {"name": ""}, {"colour": "#fff"}],
             "Attribute": [
              {"type": "made-up-type", "category": "Other", "value": "x", "to_ids": false},
              {"type": "domain", "category": "Network activity", "value": ""},
              {"type": "text", "category": "Other", "value": "\(big)"},
              {"type": "malware-sample", "category": "Payload delivery", "value": "a.exe|d41d8cd98f00b204e9800998ecf8427e", "data": "TVqQ\\u0000\\u0001\\u001b[2J"},
              {"type": "url", "value": "http://evil.example/\\u001b]52;c;aGk=\\u0007", "to_ids": "1", "Tag": {"name": "not-a-list"}},
              "a string attribute",
              {"category": "Other", "value": "no type"}
             ],
             "Object": [{"name": "file", "Attribute": [{"type": "sha256", "value": "ab", "Tag": [{"name": "bad\\u0007tag"}]}]}]
            }}
            """
    }
}

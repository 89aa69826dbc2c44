# chart_render.sh - every chart kind in every style as PDF, SVG and PNG, checked by their
# real consumers (pdfinfo, pdffonts, rsvg-convert, a PNG decoder), plus determinism.
. "$(dirname "$0")/../lib.sh"
C="-c $ROOT/tests/fixtures/charts/sample.yaml"
KINDS="venues years topic-trend topic-heatmap venue-heatmap timeline"

# page size in points and PNG dpi of a style, as the style file says (through its base)
style_dims() { # NAME -> "W H DPI"
  $PY - "$ROOT/styles" "$1" <<'EOF'
import sys, yaml
d, name = sys.argv[1], sys.argv[2]
def load(n):
    s = yaml.safe_load(open(f"{d}/{n}.yaml"))
    base = load(s["base"]) if "base" in s else {"page": {}}
    for k, v in s.items():
        if k == "page": base["page"].update(v)
        elif k != "base": base[k] = v
    return base
def pt(v):
    v = str(v)
    for u, k in (("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1)):
        if v.endswith(u): return float(v[:-len(u)]) * k
    return float(v)
p = load(name)["page"]
print(pt(p["width"]), pt(p["height"]), p.get("dpi", 144))
EOF
}

png_size() { # FILE -> "W H" from the IHDR chunk
  $PY -c "import struct,sys; b=open(sys.argv[1],'rb').read(33); assert b[:8]==b'\x89PNG\r\n\x1a\n' and b[12:16]==b'IHDR'; print(*struct.unpack('>II', b[16:24]))" "$1"
}

for style in talk paper paper-wide poster dark; do
  set -- $(style_dims $style); W=$1; H=$2; DPI=$3
  PW=$($PY -c "import math; print(math.ceil($W*$DPI/72-1e-6))"); PH=$($PY -c "import math; print(math.ceil($H*$DPI/72-1e-6))")
  for kind in $KINDS; do
    base="$TMP/$kind-$style"
    if ! "$LIT" chart "$kind" $C --style $style -o "$base.pdf" 2>"$TMP/err" ||
       ! "$LIT" chart "$kind" $C --style $style -o "$base.svg" 2>>"$TMP/err" ||
       ! "$LIT" chart "$kind" $C --style $style -o "$base.png" 2>>"$TMP/err"; then
      not_ok "$kind/$style renders"; sed 's/^/#   /' "$TMP/err" | head -5; continue
    fi
    ok "$kind/$style renders"
    # PDF: page size of the style, every font embedded, no raster images (vector)
    size=$(pdfinfo "$base.pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
    check "$kind/$style pdf page is ${W}x${H}pt" $PY -c "import sys; w,h=map(float,'$size'.split()); assert abs(w-$W)<0.5 and abs(h-$H)<0.5, '$size'"
    check "$kind/$style pdf fonts embedded" sh -c "pdffonts '$base.pdf' | awk 'NR>2 {n++; if (\$(NF-4)!=\"yes\") bad=1} END {exit (n>0 && !bad) ? 0 : 1}'"
    check "$kind/$style pdf is vector" sh -c "[ \$(pdfimages -list '$base.pdf' | wc -l) -eq 2 ]"
    # SVG: librsvg renders it at the page size
    check "$kind/$style svg renders" rsvg-convert -o "$base.svg.png" "$base.svg"
    # PNG: decodes, at the style's resolution
    got=$(png_size "$base.png")
    if [ "$got" = "$PW $PH" ]; then ok "$kind/$style png decodes at ${PW}x${PH}"; else not_ok "$kind/$style png is '$got', want '$PW $PH'"; fi
  done
done
check "pdftoppm rasterises a chart" pdftoppm -r 36 -png -singlefile "$TMP/timeline-talk.pdf" "$TMP/ppm"

# same input, same bytes (SOURCE_DATE_EPOCH fixes the PDF date)
for ext in pdf svg png; do
  "$LIT" chart timeline $C -o "$TMP/again.$ext"
  check "timeline.$ext is deterministic" cmp "$TMP/timeline-talk.$ext" "$TMP/again.$ext"
done
check "pdf creation date is SOURCE_DATE_EPOCH" sh -c "pdfinfo '$TMP/again.pdf' | grep -q '^CreationDate:.*2023'"
check "pdf title is the chart's" sh -c "pdfinfo '$TMP/again.pdf' | grep -q '^Title: *Systems by topic and year'"

exit $failed

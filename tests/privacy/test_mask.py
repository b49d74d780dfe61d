from sandbox_app.privacy.mask import Masker, Viewer, mask_id_number, mask_name, mask_phone, mask_plate


def test_masks_keep_only_what_identifies_nobody() -> None:
    assert mask_name("张三丰") == "张**"
    assert mask_name("李") == "李"
    assert mask_id_number("110101199001011234") == "110***********1234"
    assert mask_phone("13800001234") == "138****1234"
    assert mask_plate("京A·BLK001") == "京A·****01"
    assert mask_plate("京AB1234") == "京A***34"
    assert mask_phone("123") == "***"


def test_wall_never_unmasks_and_others_only_on_request() -> None:
    assert Masker(Viewer.WALL, unmasked=True).name("王五") == "王*"
    assert Masker(Viewer.OFFICER).name("王五") == "王*"
    assert Masker(Viewer.OFFICER, unmasked=True).name("王五") == "王五"
    assert Masker(Viewer.COMMANDER).plate("京A·BLK001") == "京A·BLK001"
    assert Masker(Viewer.WALL).plate("京A·BLK001") == "京A·****01"
